import { createContext } from '@lit/context';
import type { CrmAdapter } from '../adapters/crm-adapter.js';

/** The CRM adapter, provided by `<tk-territory-provider>`. Widgets never import an adapter directly. */
export const adapterContext = createContext<CrmAdapter | undefined>(Symbol('tk-adapter'));
