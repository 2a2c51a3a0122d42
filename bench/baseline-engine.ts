// A baseline engine for the benchmarks: `rebalance` of a git ref, side by side with this tree's in one run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { rebalance } from '../src/engine/rebalance.js';

/**
 * `src/` of `ref` copied out of git into a temp folder (once per commit) and its `rebalance` imported,
 * or null (with the reason on stderr) when that fails.
 */
export async function loadBaselineRebalance(ref: string): Promise<{ f: typeof rebalance; sha: string } | null> {
  try {
    const sha = execFileSync('git', ['rev-parse', ref], { encoding: 'utf8' }).trim();
    const dir = join(tmpdir(), `tk-baseline-${sha.slice(0, 12)}`);
    if (!existsSync(join(dir, 'src', 'engine', 'rebalance.ts'))) {
      mkdirSync(dir, { recursive: true });
      const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src'], { maxBuffer: 1 << 30 });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    }
    const mod = (await import(pathToFileURL(join(dir, 'src', 'engine', 'rebalance.ts')).href)) as { rebalance: typeof rebalance };
    return { f: mod.rebalance, sha };
  } catch (e) {
    console.error(`baseline ${ref} not loaded: ${(e as Error).message}`);
    return null;
  }
}
