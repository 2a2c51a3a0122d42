import { createContext } from '@lit/context';
import type { PlanState } from '../store/types.js';

/** The working plan's state; replaced on every change (consume with `subscribe: true`). */
export const planStateContext = createContext<PlanState | undefined>(Symbol('tk-plan-state'));
