import { createContext } from '@lit/context';
import type { PlanActions } from '../store/types.js';

/** The actions on the working plan; a stable object for the provider's lifetime. */
export const planActionsContext = createContext<PlanActions | undefined>(Symbol('tk-plan-actions'));
