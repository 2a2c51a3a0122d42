// Baselines for the benchmarks: modules of `src/` at a git ref, run side by side with this tree's in one run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { rebalance } from '../src/engine/rebalance.js';

/**
 * A module of `src/` as it was at `ref`: `src/` copied out of git into a temp folder (once per commit)
 * and `file` (a path under the repository, e.g. `src/engine/rebalance.ts`) imported from there, or null
 * (with the reason on stderr) when that fails.
 */
export async function loadBaselineModule<T>(ref: string, file: string): Promise<{ mod: T; sha: string } | null> {
  try {
    const sha = execFileSync('git', ['rev-parse', ref], { encoding: 'utf8' }).trim();
    const dir = join(tmpdir(), `tk-baseline-${sha.slice(0, 12)}`);
    if (!existsSync(join(dir, file))) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src'], { maxBuffer: 1 << 30 });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    }
    return { mod: (await import(pathToFileURL(join(dir, file)).href)) as T, sha };
  } catch (e) {
    console.error(`baseline ${ref} not loaded: ${(e as Error).message}`);
    return null;
  }
}

/** `rebalance` as it was at `ref` (see loadBaselineModule). */
export async function loadBaselineRebalance(ref: string): Promise<{ f: typeof rebalance; sha: string } | null> {
  const b = await loadBaselineModule<{ rebalance: typeof rebalance }>(ref, 'src/engine/rebalance.ts');
  return b && { f: b.mod.rebalance, sha: b.sha };
}
