// Salesforce Code Analyzer (code-analyzer-core + its PMD engine) run from Node, as `sf code-analyzer run` does.
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';

/**
 * Runs the PMD engine's rules (needs Java). A run whose engine could not start reports no
 * violations, which is why the tests pair every "no findings" check with a known-bad control. picked by `selectors` on `targets` (files or folders).
 * @param {string[]} targets files or folders to analyse
 * @param {string[]} selectors Code Analyzer rule selectors, e.g. ['pmd:Security', 'pmd:AppExchange']
 * @returns {Promise<{ rules: string[], violations: { rule: string, tags: string[], severity: number, file: string, line: number, message: string }[] }>}
 */
export async function analyze(targets, selectors) {
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
  await analyzer.addEnginePlugin(pmd.createEnginePlugin());
  const workspace = await analyzer.createWorkspace(targets);
  const selection = await analyzer.selectRules(selectors, { workspace });
  const rules = selection.getRulesFor('pmd').map((r) => r.getName());
  const results = await analyzer.run(selection, { workspace });
  const violations = results.getViolations().map((v) => ({
    rule: v.getRule().getName(),
    tags: v.getRule().getTags(),
    severity: v.getRule().getSeverityLevel(),
    file: v.getPrimaryLocation().getFile() ?? '',
    line: v.getPrimaryLocation().getStartLine() ?? 0,
    message: v.getMessage().trim(),
  }));
  return { rules, violations };
}
