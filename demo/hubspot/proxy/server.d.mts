import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface HubSpotProxyOptions {
  token: string;
  upstream?: string;
  allowOrigin?: string;
  writableProperties?: string[];
  authorize?: (req: IncomingMessage) => boolean | Promise<boolean>;
  fetch?: typeof fetch;
}

export function createHubSpotProxy(options: HubSpotProxyOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export function main(env?: Record<string, string | undefined>): Server;
