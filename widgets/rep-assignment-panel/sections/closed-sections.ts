// The panel's parts not needed at first: the sections closed at first (quotas, the alert list, export)
// the bulk assignment's confirmation box and the recommended reps (nothing is selected at first): one chunk the panel
// loads after it connects (TkRepAssignmentPanel renders their headings, with the alert badge, meanwhile).
export { quotasSection } from './quotas.js';
export { alertsSection } from './alerts-list.js';
export { exportSection } from './export.js';
export { confirmBox } from './confirm-assign.js';
export { recommendationsFor } from '../controllers/recommend.js';
export { laterStyles } from './later.styles.js';
export { quotaPart } from './save-quotas.js';
