
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's038dd6fdc53fa2a7': `Ce quota a été modifié dans le CRM depuis son chargement : rechargez pour le voir.`,
's2e390ec8d3379fa5': `Résultat de chaque quota`,
's3a93b9570499f956': `Quotas :`,
's42125b9a94c84f11': `territory-kit n'écrit pas les objectifs HubSpot : les quotas restent donc dans ce plan. Exportez-les en CSV et importez-les comme objectifs dans HubSpot.`,
's44fa1773e1e78784': `Enregistré`,
's4b36aa4c2d90124e': str`${0} quotas`,
's4c2251760c5d2c55': str`et ${0} de plus`,
's4e4bf859a9914e0f': `Conflit`,
's6ebc9bd6feae62a3': `Chargement…`,
's7b593c03dffdf7d2': str`${0} quotas modifiés depuis le chargement sont conservés dans ce plan et ce navigateur, et exportés avec lui.`,
's855372695f43b38a': `1 quota modifié depuis le chargement est conservé dans ce plan et ce navigateur, et exporté avec lui.`,
's92dceaea9ced4252': `Cette connexion CRM n'accepte pas de quotas : ils restent donc dans ce plan.`,
's93257d0c5f4f6542': str`${0} en conflit`,
's967a2db7049dc90e': str`${0} en échec`,
'sb6d729c6e0ce587e': str`${0} enregistrés`,
'sbf9c5c5a8e5efad4': `Échec`,
'sd14f44ffd19e01fc': `1 quota`,
'sd1a55cb5f387431e': `Dernier enregistrement des quotas`,
'sda16d07d673a534c': `Exportez-les en CSV avec le planificateur de quotas (Exporter les quotas).`,
'sdc6ea1b942d5f526': `Aucun plan chargé`,
'secf5ec6fae93e582': str`${0}, période commençant le ${1}`,
'sed176a36b034cce2': `Écart max.`,
'sedf74d7222e48eb9': `Salesforce n'accepte pas de quotas par cette connexion (voir l'avis ci-dessus : prévisions, accès aux quotas ou autorisation « Gérer les quotas ») : ils restent donc dans ce plan.`,
    };
  