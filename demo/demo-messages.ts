// The demo pages' own words (header, section titles, the record page's stand-in fields, "Your own
// data", the event log) in German, French and Japanese. DEMO-ONLY: this is sample-page text, not the
// SDK. The elements' words live in the SDK's catalogues (xliff/ → widgets/locales/), which @lit/localize
// loads — one configuration per page — and which SDK users ship; sample-page sentences stay out of them.
//
// How it works: an element marked `data-demo-text` has its English text as the key; `localizeDemo()`
// swaps in the page language's text (and back to English). `data-demo-title` / `data-demo-label` do
// the same for the `title` / `aria-label` attributes. Text built in code goes through `demoText()`,
// with `{name}` placeholders. A key missing from a language shows the English.

export type DemoLanguage = 'de' | 'fr' | 'ja';

const MESSAGES: Record<DemoLanguage, Record<string, string>> = {
  de: {
    'territory-kit — planner demo': 'territory-kit — Planer-Demo',
    'territory-kit — CRM record page demo': 'territory-kit — Demo einer CRM-Datensatzseite',
    'territory-kit · Territory planner': 'territory-kit · Gebietsplaner',
    Language: 'Sprache',
    "The elements' language and number formats (also ?lang=de, fr, ja in the address)": 'Sprache und Zahlenformate der Elemente (auch ?lang=de, fr, ja in der Adresse)',
    'Dark theme': 'Dunkles Design',
    'CRM record page →': 'CRM-Datensatzseite →',
    'Plain page →': 'Einfache Seite (Englisch) →',
    '← Planner': '← Planer',
    Map: 'Karte',
    'Assign, distribute, rebalance, quotas and save': 'Zuweisen, verteilen, neu ausgleichen, Quoten und speichern',
    'Team balance': 'Auslastung im Team',
    Metric: 'Kennzahl',
    Workload: 'Arbeitslast',
    Potential: 'Potenzial',
    'Account count': 'Anzahl Accounts',
    'Move 25 accounts from the busiest rep to the lightest': '25 Accounts vom meistbelasteten zum am wenigsten belasteten Vertriebsmitarbeiter verschieben',
    'Move {n} accounts from {from} to {to}': '{n} Accounts von {from} zu {to} verschieben',
    Scenarios: 'Szenarien',
    Performance: 'Leistung',
    Events: 'Ereignisse',
    'Your own data': 'Eigene Daten',
    'Import accounts (and optionally reps and opportunities) from CSV or Excel files; the planner switches to them. "Plan as CSV" in the panel writes the same template back.':
      'Importieren Sie Accounts (und optional Vertriebsmitarbeiter und Opportunities) aus CSV- oder Excel-Dateien; der Planer wechselt zu ihnen. „Plan als CSV“ im Bereich rechts schreibt dieselbe Vorlage zurück.',
    'Try it with the sample files:': 'Probieren Sie es mit den Beispieldateien:',
    'our template (accounts)': 'unsere Vorlage (Accounts)',
    'our template (reps)': 'unsere Vorlage (Vertriebsmitarbeiter)',
    'our template as .xlsx': 'unsere Vorlage als .xlsx',
    'a Salesforce accounts report': 'ein Salesforce-Accountbericht',
    'a Salesforce opportunities report': 'ein Salesforce-Opportunity-Bericht',
    'a HubSpot companies export': 'ein HubSpot-Unternehmensexport',
    'a HubSpot deals export': 'ein HubSpot-Deal-Export',
    'Back to the demo data': 'Zurück zu den Demodaten',
    'The planner now shows {n} accounts from {names}.': 'Der Planer zeigt jetzt {n} Accounts aus {names}.',
    'The planner shows the demo data again.': 'Der Planer zeigt wieder die Demodaten.',
    '{event} ({source}): {n} accounts, {pending} pending': '{event} ({source}): {n} Accounts, {pending} offen',
    '{event} ({source}): {label} · {n} accounts, {pending} pending': '{event} ({source}): {label} · {n} Accounts, {pending} offen',
    '{event} ({source}): {label} · 1 account, {pending} pending': '{event} ({source}): {label} · 1 Account, {pending} offen',
    '{event} ({source}): 1 account, {pending} pending': '{event} ({source}): 1 Account, {pending} offen',
    '{event}: {n} selected': '{event}: {n} ausgewählt',
    '{event}: {saved} saved, {failed} failed, {conflict} conflict': '{event}: {saved} gespeichert, {failed} fehlgeschlagen, {conflict} im Konflikt',
    Type: 'Typ',
    Industry: 'Branche',
    'Billing city': 'Rechnungsort',
    Phone: 'Telefon',
    Activity: 'Aktivität',
    "This column stands in for the record's standard components. The sidebar shows what the account's rep sees of their territory: read-only, no editing controls.":
      'Diese Spalte steht für die Standardkomponenten des Datensatzes. Die Seitenleiste zeigt, was der Vertriebsmitarbeiter des Accounts von seinem Gebiet sieht: nur lesend, ohne Bearbeitungselemente.',
    'My territory': 'Mein Gebiet',
    'My workload': 'Meine Arbeitslast',
  },
  fr: {
    'territory-kit — planner demo': 'territory-kit — démo du planificateur',
    'territory-kit — CRM record page demo': 'territory-kit — démo d’une page d’enregistrement CRM',
    'territory-kit · Territory planner': 'territory-kit · Planification des territoires',
    Language: 'Langue',
    "The elements' language and number formats (also ?lang=de, fr, ja in the address)": 'Langue et formats de nombres des éléments (aussi ?lang=de, fr, ja dans l’adresse)',
    'Dark theme': 'Thème sombre',
    'CRM record page →': 'Page d’enregistrement CRM →',
    'Plain page →': 'Page simple (en anglais) →',
    '← Planner': '← Planificateur',
    Map: 'Carte',
    'Assign, distribute, rebalance, quotas and save': 'Attribuer, répartir, rééquilibrer, quotas et enregistrer',
    'Team balance': 'Équilibre de l’équipe',
    Metric: 'Mesure',
    Workload: 'Charge de travail',
    Potential: 'Potentiel',
    'Account count': 'Nombre de comptes',
    'Move 25 accounts from the busiest rep to the lightest': 'Déplacer 25 comptes du commercial le plus chargé vers le moins chargé',
    'Move {n} accounts from {from} to {to}': 'Déplacer {n} comptes de {from} vers {to}',
    Scenarios: 'Scénarios',
    Performance: 'Performance',
    Events: 'Événements',
    'Your own data': 'Vos données',
    'Import accounts (and optionally reps and opportunities) from CSV or Excel files; the planner switches to them. "Plan as CSV" in the panel writes the same template back.':
      'Importez des comptes (et, au besoin, des commerciaux et des opportunités) depuis des fichiers CSV ou Excel ; le planificateur passe à ces données. « Plan en CSV » dans le panneau réécrit le même modèle.',
    'Try it with the sample files:': 'Essayez avec les fichiers d’exemple :',
    'our template (accounts)': 'notre modèle (comptes)',
    'our template (reps)': 'notre modèle (commerciaux)',
    'our template as .xlsx': 'notre modèle en .xlsx',
    'a Salesforce accounts report': 'un rapport de comptes Salesforce',
    'a Salesforce opportunities report': 'un rapport d’opportunités Salesforce',
    'a HubSpot companies export': 'un export d’entreprises HubSpot',
    'a HubSpot deals export': 'un export de transactions HubSpot',
    'Back to the demo data': 'Revenir aux données de démo',
    'The planner now shows {n} accounts from {names}.': 'Le planificateur affiche maintenant {n} comptes de {names}.',
    'The planner shows the demo data again.': 'Le planificateur affiche de nouveau les données de démo.',
    '{event} ({source}): {n} accounts, {pending} pending': '{event} ({source}) : {n} comptes, {pending} en attente',
    '{event} ({source}): {label} · {n} accounts, {pending} pending': '{event} ({source}) : {label} · {n} comptes, {pending} en attente',
    '{event} ({source}): {label} · 1 account, {pending} pending': '{event} ({source}) : {label} · 1 compte, {pending} en attente',
    '{event} ({source}): 1 account, {pending} pending': '{event} ({source}) : 1 compte, {pending} en attente',
    '{event}: {n} selected': '{event} : {n} sélectionnés',
    '{event}: {saved} saved, {failed} failed, {conflict} conflict': '{event} : {saved} enregistrés, {failed} en échec, {conflict} en conflit',
    Type: 'Type',
    Industry: 'Secteur',
    'Billing city': 'Ville de facturation',
    Phone: 'Téléphone',
    Activity: 'Activité',
    "This column stands in for the record's standard components. The sidebar shows what the account's rep sees of their territory: read-only, no editing controls.":
      'Cette colonne tient lieu des composants standard de l’enregistrement. La barre latérale montre ce que le commercial du compte voit de son territoire : en lecture seule, sans commandes de modification.',
    'My territory': 'Mon territoire',
    'My workload': 'Ma charge de travail',
  },
  ja: {
    'territory-kit — planner demo': 'territory-kit — プランナーのデモ',
    'territory-kit — CRM record page demo': 'territory-kit — CRM レコードページのデモ',
    'territory-kit · Territory planner': 'territory-kit · テリトリープランナー',
    Language: '言語',
    "The elements' language and number formats (also ?lang=de, fr, ja in the address)": '要素の言語と数値の書式（アドレスの ?lang=de, fr, ja でも指定可）',
    'Dark theme': 'ダークテーマ',
    'CRM record page →': 'CRM レコードページ →',
    'Plain page →': 'シンプルなページ（英語）→',
    '← Planner': '← プランナー',
    Map: '地図',
    'Assign, distribute, rebalance, quotas and save': '割り当て・分配・再配分・クォータ・保存',
    'Team balance': 'チームのバランス',
    Metric: '指標',
    Workload: '業務量',
    Potential: 'ポテンシャル',
    'Account count': '取引先数',
    'Move 25 accounts from the busiest rep to the lightest': '最も忙しい営業担当から最も余裕のある営業担当へ取引先を 25 件移動',
    'Move {n} accounts from {from} to {to}': '{from} から {to} へ取引先を {n} 件移動',
    Scenarios: 'シナリオ',
    Performance: '実績',
    Events: 'イベント',
    'Your own data': '自分のデータ',
    'Import accounts (and optionally reps and opportunities) from CSV or Excel files; the planner switches to them. "Plan as CSV" in the panel writes the same template back.':
      'CSV または Excel ファイルから取引先（必要に応じて営業担当と商談も）をインポートすると、プランナーがそのデータに切り替わります。パネルの「プランを CSV で」は同じテンプレートで書き出します。',
    'Try it with the sample files:': 'サンプルファイルで試す：',
    'our template (accounts)': 'テンプレート（取引先）',
    'our template (reps)': 'テンプレート（営業担当）',
    'our template as .xlsx': 'テンプレート（.xlsx）',
    'a Salesforce accounts report': 'Salesforce の取引先レポート',
    'a Salesforce opportunities report': 'Salesforce の商談レポート',
    'a HubSpot companies export': 'HubSpot の会社エクスポート',
    'a HubSpot deals export': 'HubSpot の取引エクスポート',
    'Back to the demo data': 'デモデータに戻る',
    'The planner now shows {n} accounts from {names}.': 'プランナーは {names} の取引先 {n} 件を表示しています。',
    'The planner shows the demo data again.': 'プランナーは再びデモデータを表示しています。',
    '{event} ({source}): {n} accounts, {pending} pending': '{event}（{source}）：取引先 {n} 件、未保存 {pending} 件',
    '{event} ({source}): {label} · {n} accounts, {pending} pending': '{event}（{source}）：{label} · 取引先 {n} 件、未保存 {pending} 件',
    '{event} ({source}): {label} · 1 account, {pending} pending': '{event}（{source}）：{label} · 取引先 1 件、未保存 {pending} 件',
    '{event} ({source}): 1 account, {pending} pending': '{event}（{source}）：取引先 1 件、未保存 {pending} 件',
    '{event}: {n} selected': '{event}：{n} 件選択',
    '{event}: {saved} saved, {failed} failed, {conflict} conflict': '{event}：保存 {saved} 件、失敗 {failed} 件、競合 {conflict} 件',
    Type: '種別',
    Industry: '業種',
    'Billing city': '請求先の市区町村',
    Phone: '電話',
    Activity: '活動',
    "This column stands in for the record's standard components. The sidebar shows what the account's rep sees of their territory: read-only, no editing controls.":
      'この列はレコードの標準コンポーネントの代わりです。サイドバーには、取引先の営業担当に見えるテリトリーが表示されます（読み取り専用、編集操作なし）。',
    'My territory': '自分のテリトリー',
    'My workload': '自分の業務量',
  },
};

/** The page's demo language from `<html lang>` (set by the language picker): de, fr, ja, or null for English. */
export function demoLanguage(): DemoLanguage | null {
  const base = document.documentElement.lang.toLowerCase().split(/[-_]/)[0];
  return base in MESSAGES ? (base as DemoLanguage) : null;
}

/** `english` in the page's language, `{name}` placeholders filled from `params`. */
export function demoText(english: string, params: Record<string, string | number> = {}): string {
  const lang = demoLanguage();
  const text = (lang && MESSAGES[lang][english]) || english;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

const ATTRIBUTES = [
  ['data-demo-title', 'title'],
  ['data-demo-label', 'aria-label'],
] as const;

/**
 * Words every marked element under `root` in the page's language: `data-demo-text` (its text; the
 * English is kept in the attribute on the first pass), `data-demo-title`, `data-demo-label`.
 */
export function localizeDemo(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-demo-text]')) {
    if (!el.dataset.demoText) el.dataset.demoText = el.textContent!.trim();
    el.textContent = demoText(el.dataset.demoText);
  }
  for (const [marker, attribute] of ATTRIBUTES) {
    for (const el of root.querySelectorAll(`[${marker}]`)) {
      if (!el.getAttribute(marker)) el.setAttribute(marker, el.getAttribute(attribute) ?? '');
      el.setAttribute(attribute, demoText(el.getAttribute(marker)!));
    }
  }
}
