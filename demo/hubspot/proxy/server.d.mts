import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface HubSpotProxyOptions {
  /** The private-app token (never sent to callers, never logged). */
  token: string;
  /** HubSpot API base. Default https://api.hubapi.com. */
  upstream?: string;
  /** Origin(s) allowed to call (CORS with credentials); a request from any other Origin is refused. Default none. */
  allowOrigin?: string | string[];
  /** Host header values the proxy answers to (`name` any port, `name:port` one port). Default localhost, 127.0.0.1, [::1]. */
  allowedHosts?: string[];
  /** Properties batch/update may write. Default ['hubspot_owner_id']. */
  writableProperties?: string[];
  /** Forward goal target updates (only `hs_target_amount`, adapter option `goals.write`). Default false. */
  goalWrites?: boolean;
  /** Your session check. Required unless `localDevelopment` is true. */
  authorize?: (req: IncomingMessage) => boolean | Promise<boolean>;
  /** Run without `authorize`: only callers on this machine, loopback host names only. Default false. */
  localDevelopment?: boolean;
  /** Longest wait for HubSpot, in ms. Default 30,000. */
  upstreamTimeoutMs?: number;
  /** Largest request body, in bytes. Default 1,000,000. */
  maxBodyBytes?: number;
  /** Requests per caller per window, or false for none. Default { max: 200, windowMs: 10_000 }. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Who a caller is, for the rate limit and logs. Default the remote address. */
  callerKey?: (req: IncomingMessage) => string;
  /** Where refusals and upstream errors are logged (one object each, never the token). Default console.warn(JSON). */
  log?: (entry: Record<string, unknown>) => void;
  /** Clock for the rate limit. Default Date.now. */
  now?: () => number;
  /** Upstream fetch. Default globalThis.fetch. */
  fetch?: typeof fetch;
}

export function createHubSpotProxy(options: HubSpotProxyOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export function main(
  env?: Record<string, string | undefined>,
  options?: { authorize?: HubSpotProxyOptions['authorize']; localDevelopment?: boolean; log?: HubSpotProxyOptions['log']; fetch?: typeof fetch },
): Server;
