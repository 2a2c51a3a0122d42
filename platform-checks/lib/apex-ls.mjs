// apex-ls (Apex Dev Tools' semantic checker, shipped in Salesforce Code Analyzer's PMD engine) on an
// SFDX workspace: it type-checks every class against the standard object definitions it carries.
import { spawnSync } from 'node:child_process';
import { JAVA_LIB } from './paths.mjs';

/**
 * @param {string} workspace a folder with sfdx-project.json
 * @returns {{ path: string, line: number, category: string, message: string }[]} every issue (errors and warnings)
 */
export function apexLs(workspace) {
  const run = spawnSync('java', ['-cp', `${JAVA_LIB}/*`, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-f', 'json', '-d', 'warnings', '-w', workspace], { encoding: 'utf8' });
  if (run.error) throw new Error(`apex-ls could not start (is Java installed? .ci/run installs default-jre-headless): ${run.error.message}`);
  const text = run.stdout.trim();
  if (text === '') {
    if (run.status !== 0) throw new Error(`apex-ls failed (exit ${run.status}): ${run.stderr}`);
    return [];
  }
  const report = JSON.parse(text);
  return report.files.flatMap((f) => f.messages.map((m) => ({ path: f.path, line: m.start.line, category: m.category, message: m.message })));
}
