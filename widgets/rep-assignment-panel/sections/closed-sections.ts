// The panel's parts not needed at first: the sections closed at first (quotas, a rep leaves, the alert list,
// export) and the selection's body (what is selected, distribute, recommended reps, assign, the bulk
// assignment's confirmation box: nothing is selected at first): one chunk the panel loads after it
// connects (TkRepAssignmentPanel renders their headings, with the alert badge, meanwhile).
// The quota planner and the distribute preview, which those sections host, come in this chunk too:
// as a separate on-demand chunk they split more shared modules out of the planner's first load
// (measured: 101,336 B gz against 100,853 B this way; test/build/size.test.ts's ceiling is 101,376 B).
export { quotasSection } from './quotas.js';
export { alertsSection } from './alerts-list.js';
export { exportSection } from './export.js';
export { selectionBody } from './selection-actions.js';
export { leavesSection } from './leaves.js';
export { laterStyles } from './later.styles.js';
export { quotaPart } from './save-quotas.js';
export { engineErrorText } from '../../shared/core-words.js';
import '../../quota-planner/quota-planner.js';
import '../../distribute-preview/distribute-preview.js';
