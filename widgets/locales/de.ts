
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's038dd6fdc53fa2a7': `Diese Quote wurde im CRM geändert, seit Sie sie geladen haben – laden Sie neu, um sie zu sehen.`,
's2e390ec8d3379fa5': `Ergebnis jeder Quote`,
's3a93b9570499f956': `Quoten:`,
's42125b9a94c84f11': `territory-kit schreibt keine HubSpot-Ziele, daher bleiben die Quoten in diesem Plan: Exportieren Sie sie als CSV und importieren Sie sie in HubSpot als Zielvorgaben.`,
's44fa1773e1e78784': `Gespeichert`,
's4b36aa4c2d90124e': str`${0} Quoten`,
's4c2251760c5d2c55': str`und ${0} weitere`,
's4e4bf859a9914e0f': `Konflikt`,
's6ebc9bd6feae62a3': `Wird geladen…`,
's7b593c03dffdf7d2': str`${0} seit dem Laden geänderte Quoten werden in diesem Plan und diesem Browser aufbewahrt und mit ihm exportiert.`,
's855372695f43b38a': `1 seit dem Laden geänderte Quote wird in diesem Plan und diesem Browser aufbewahrt und mit ihm exportiert.`,
's92dceaea9ced4252': `Diese CRM-Verbindung übernimmt keine Quoten, daher bleiben sie in diesem Plan.`,
's93257d0c5f4f6542': str`${0} im Konflikt`,
's967a2db7049dc90e': str`${0} fehlgeschlagen`,
'sb6d729c6e0ce587e': str`${0} gespeichert`,
'sbf9c5c5a8e5efad4': `Fehlgeschlagen`,
'sd14f44ffd19e01fc': `1 Quote`,
'sd1a55cb5f387431e': `Letzte Quotenspeicherung`,
'sda16d07d673a534c': `Exportieren Sie sie als CSV mit dem Quotenplaner (Quoten exportieren).`,
'sdc6ea1b942d5f526': `Kein Plan geladen`,
'secf5ec6fae93e582': str`${0}, Zeitraum ab ${1}`,
'sed176a36b034cce2': `Max. Abweichung`,
'sedf74d7222e48eb9': `Salesforce übernimmt über diese Verbindung keine Quoten (siehe Hinweis oben: Forecasting, Zugriff auf Quoten oder die Berechtigung „Quoten verwalten“), daher bleiben sie in diesem Plan.`,
    };
  