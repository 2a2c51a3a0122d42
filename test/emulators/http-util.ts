/** Bits shared by the test emulators: body reading, JSON answers, fault matching. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault injected into an emulator, matched by method and path prefix, used `times` times. */
export interface Fault {
  method?: string;
  /** Matches when the request path (without query) starts with this. */
  path?: string;
  /** Let this many matching requests through before the fault fires. Default 0. */
  skip?: number;
  /** How many matching requests the fault hits. Default 1. */
  times?: number;
  /**
   * - `status`: answer `status` with `body`/`headers` without doing anything;
   * - `apply-then-status`: do the work (writes happen), then answer `status` instead of the result;
   * - `reset`: destroy the connection without an answer, nothing done;
   * - `apply-then-reset`: do the work, then destroy the connection;
   * - `hook`: run `run()` first (e.g. someone else edits a record), then answer normally;
   * - `delay`: wait `delayMs`, then do the work and answer normally;
   * - `apply-then-delay`: do the work at once, answer after `delayMs`;
   * - `hang`: accept the request and never answer, nothing done;
   * - `apply-then-hang`: do the work, never answer;
   * - `reorder`: do the work, answer with the `results` list reversed;
   * - `duplicate-page` (lists): answer the page with a fresh-looking cursor to the same page;
   * - `loop-page` (lists): answer the page with a cursor back to the first page.
   */
  kind: 'status' | 'apply-then-status' | 'reset' | 'apply-then-reset' | 'hook' | 'delay' | 'apply-then-delay' | 'hang' | 'apply-then-hang' | 'reorder' | 'duplicate-page' | 'loop-page';
  /** For delay kinds: how long, in ms. Default 50. */
  delayMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** For apply-then-*: apply only the first N inputs of a batch. Default all. */
  applyFirst?: number;
  run?: () => void;
}

export class FaultList {
  private readonly faults: (Fault & { seen: number; used: number })[] = [];
  add(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, used: 0 });
  }
  clear(): void {
    this.faults.length = 0;
  }
  /** The fault that fires for this request, if any (counts the request against matching faults). */
  take(method: string, path: string): Fault | undefined {
    for (const f of this.faults) {
      if (f.method && f.method !== method) continue;
      if (f.path && !path.startsWith(f.path)) continue;
      if (f.used >= (f.times ?? 1)) continue;
      f.seen++;
      if (f.seen <= (f.skip ?? 0)) continue;
      f.used++;
      return f;
    }
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The next cursor a page fault asks for: the same offset in a fresh-looking form, or the start. */
export function pageFaultOffset(fault: Fault | undefined, offset: number): string | undefined {
  if (fault?.kind === 'duplicate-page') return `${offset}.0`;
  if (fault?.kind === 'loop-page') return '0';
  return undefined;
}

/** Reverses `results` in a JSON answer body, when it has one. */
export function reverseResults(body: unknown): unknown {
  const b = body as { results?: unknown } | null;
  return b && Array.isArray(b.results) ? { ...b, results: [...b.results].reverse() } : body;
}

export async function readBody(req: IncomingMessage, limit = 2_000_000): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > limit) throw new Error('body too large');
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(text);
}

/** Starts `server` on 127.0.0.1 at a free port and returns its base URL. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes `server` and every open (keep-alive) connection; a no-op when it is not listening. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
