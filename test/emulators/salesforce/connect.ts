import { Connection } from 'jsforce';
import type { SalesforceEmulator } from './server.js';

/** A real jsforce Connection pointed at the emulator, renewing its session through `refreshFn`
 * (which calls the emulator's /services/oauth2/token with the refresh token). */
export function emulatorConnection(emu: SalesforceEmulator): Connection {
  return new Connection({
    instanceUrl: emu.url,
    accessToken: emu.accessToken,
    version: '62.0',
    refreshFn: (_conn, callback) => {
      fetch(`${emu.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: emu.refreshToken }).toString(),
      })
        .then(async (res) => {
          const body = (await res.json()) as { access_token?: string; error?: string };
          if (!res.ok || !body.access_token) throw new Error(body.error ?? `refresh failed: ${res.status}`);
          callback(null, body.access_token);
        })
        .catch((err: Error) => callback(err));
    },
  });
}
