// The CRM record page (/demo/record.html): what a rep's page needs first — the provider, the territory
// card and the gauge — then the map for the card's small map, loaded after the first paint (the card
// shows it once <tk-territory-map> is defined). The same split as the record page's size budget
// (scripts/size.mjs): provider + card + gauge first, the map's chunk after.
import '../widgets/territory-provider/territory-provider.js';
import '../widgets/territory-card/territory-card.js';
import '../widgets/workload-gauge/workload-gauge.js';
import { startDemoPage } from './shared.js';

startDemoPage();
requestAnimationFrame(() => setTimeout(() => void import('../widgets/territory-map/territory-map.js'), 0));
