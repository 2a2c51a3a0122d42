// Runs axe-core (node_modules/axe-core/axe.min.js, loaded into the test page once) on an element.
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
interface AxeApi {
  run(context: Element, options?: Record<string, unknown>): Promise<{ violations: AxeViolation[] }>;
}

let loading: Promise<AxeApi> | null = null;

/** Loads axe-core into the page (once) and returns it. */
export function loadAxe(): Promise<AxeApi> {
  loading ??= new Promise<AxeApi>((resolve, reject) => {
    const existing = (window as unknown as { axe?: AxeApi }).axe;
    if (existing) return resolve(existing);
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: AxeApi }).axe);
    script.onerror = () => reject(new Error('could not load /node_modules/axe-core/axe.min.js'));
    document.head.append(script);
  });
  return loading;
}

/** The axe violations for an element and everything under it (open shadow roots included). */
export async function axeViolations(element: Element, rules?: Record<string, { enabled: boolean }>): Promise<AxeViolation[]> {
  const axe = await loadAxe();
  const { violations } = await axe.run(element, { resultTypes: ['violations'], ...(rules ? { rules } : {}) });
  return violations;
}

/** Fails with a readable list when axe finds any violation in the element. */
export async function expectNoAxeViolations(element: Element, rules?: Record<string, { enabled: boolean }>): Promise<void> {
  const violations = await axeViolations(element, rules);
  if (violations.length) {
    const lines = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n    ')}`,
    );
    throw new Error(`axe found ${violations.length} violation(s):\n  ${lines.join('\n  ')}`);
  }
}
