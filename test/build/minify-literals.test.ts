// The build minifies the text inside Lit's css`…` / html`…` / svg`…` literals (scripts/minify-literals.mjs).
// It must never touch a `${…}` expression, another string or the code around the literals, and must keep
// whitespace that can show (one space between inline elements and next to bindings).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
// @ts-expect-error -- a plain .mjs script without types
import { minifyLiterals } from '../../scripts/minify-literals.mjs';
// @ts-expect-error -- a plain .mjs script without types
import { ROOT } from '../../scripts/browser-harness.mjs';

const minify = async (code: string, file = 'x.ts'): Promise<string> => ((await minifyLiterals(code, file)) as { code: string } | null)?.code ?? code;

interface Shape { tag: string; texts: string[]; expressions: string[] }

/**
 * Every template literal of a module: its tag, literal texts (raw) and expressions (source, nested
 * template texts cut out), in order; and the module's skeleton, every literal text cut out.
 */
function templates(code: string): { shapes: Shape[]; skeleton: string } {
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shapes: Shape[] = [];
  const cuts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    const tpl = ts.isTaggedTemplateExpression(node) ? node.template : ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node : undefined;
    if (tpl && !(ts.isTaggedTemplateExpression(node.parent) && node.parent.template === node)) {
      const tag = ts.isTaggedTemplateExpression(node) ? node.tag.getText(sf) : '';
      if (ts.isNoSubstitutionTemplateLiteral(tpl)) {
        shapes.push({ tag, texts: [tpl.rawText ?? ''], expressions: [] });
        cuts.push([tpl.getStart(sf) + 1, tpl.end - 1]);
      } else {
        shapes.push({ tag, texts: [tpl.head.rawText ?? '', ...tpl.templateSpans.map((s) => s.literal.rawText ?? '')], expressions: tpl.templateSpans.map((s) => exprSkeleton(s.expression.getText(sf))) });
        cuts.push([tpl.head.getStart(sf) + 1, tpl.head.end - 2]);
        for (const s of tpl.templateSpans) cuts.push([s.literal.getStart(sf) + 1, s.literal.end - (ts.isTemplateTail(s.literal) ? 1 : 2)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // The module with every literal text cut out: what must not change at all.
  let skeleton = '';
  let at = 0;
  for (const [from, to] of cuts.sort((a, b) => a[0] - b[0])) {
    if (from < at) continue; // a nested template inside an expression of an outer one: already cut
    skeleton += code.slice(at, from) + '·';
    at = to;
  }
  return { shapes, skeleton: skeleton + code.slice(at) };
}

/** An expression's source with the texts of templates nested in it cut out (those are minified too). */
const exprSkeleton = (source: string): string => (source.includes('`') ? templates(source).skeleton : source);

const widgetFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? widgetFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

test('on every widget module: the same literals with the same tags and expressions, the code around them unchanged', async () => {
  let minified = 0;
  for (const file of widgetFiles(join(ROOT, 'widgets'))) {
    const name = relative(ROOT, file);
    const code = readFileSync(file, 'utf8');
    const out = await minify(code, file);
    if (out === code) continue;
    minified++;
    const before = templates(code);
    const after = templates(out);
    assert.equal(after.shapes.length, before.shapes.length, `${name}: template count`);
    before.shapes.forEach((b, i) => {
      const a = after.shapes[i];
      assert.equal(a.tag, b.tag, `${name}: template ${i} tag`);
      assert.deepEqual(a.expressions, b.expressions, `${name}: template ${i} (${b.tag}) expressions`);
      assert.equal(a.texts.length, b.texts.length, `${name}: template ${i} (${b.tag}) parts`);
      if (!/^(css|html|svg)$/.test(b.tag)) assert.deepEqual(a.texts, b.texts, `${name}: untagged or other-tag template ${i} changed`);
    });
    assert.equal(after.skeleton, before.skeleton, `${name}: code outside the literal texts changed`);
  }
  assert.ok(minified >= 10, `only ${minified} widget modules had something to minify`);
});

test('CSS: comments and whitespace go, a rule-body interpolation and custom properties stay', async () => {
  const out = await minify(`import { css, unsafeCSS } from 'lit';
const dark = unsafeCSS('--tk-x: 1px;');
export const s = css\`
  /* a comment */
  :host([theme='dark']) {
    \${dark}
  }
  .a  >  .b {
    color : var(--tk-color-text, #181818) ;
    margin: 0   auto;
  }
\`;`);
  const [shape] = templates(out).shapes;
  assert.deepEqual(shape.expressions, ['dark']);
  const text = shape.texts.join('${}');
  assert.doesNotMatch(text, /comment|\n/);
  assert.match(text, /:host\(\[theme=['"]?dark['"]?\]\)\{\$\{\}\}/);
  assert.match(text, /\.a>\.b\{color:var\(--tk-color-text,#181818\);margin:0 auto\}/);
});

test('HTML: bindings of every kind stay bindings, visible spaces stay, strings inside expressions are untouched', async () => {
  const src = `import { html, svg } from 'lit';
export const t = (x: string, on: () => void) => html\`
  <ul   class="list"  aria-label="Reps">
    <li>
      <b>\${x}</b>  <i>and</i>   <span>\${x}</span>:
    </li>
  </ul>
  <!-- a comment -->
  <input .value=\${x} ?disabled=\${!x} @input=\${on} title="">
  <button type="button" @click=\${() => on()}>  Save   to CRM </button>
  \${x ? html\`<em>  kept   \${'<b>  a string  </b>'} </em>\` : 'a   plain   string'}
  <svg viewBox="0 0 10 10">\${svg\`<rect   x="0" width=\${x}></rect>\`}</svg>
\`;`;
  const out = await minify(src);
  const before = templates(src).shapes;
  const after = templates(out).shapes;
  assert.deepEqual(after.map((s) => s.expressions), before.map((s) => s.expressions));
  const outer = after[0].texts.join('${}');
  assert.doesNotMatch(outer, /comment|\n|  /);
  // A space between inline elements and beside a binding shows on the page: kept (collapsed to one).
  assert.match(outer, /<b>\$\{\}<\/b> <i>and<\/i> <span>\$\{\}<\/span>:/);
  assert.match(outer, /<button type="button" @click="?\$\{\}"?> Save to CRM <\/button>/);
  // Lit's attribute, property, boolean and event bindings, and an empty attribute.
  assert.match(outer, /<input \.value="?\$\{\}"? \?disabled="?\$\{\}"? @input="?\$\{\}"? title="">/);
  assert.match(after[1].texts.join('${}'), /^<em> kept \$\{\} <\/em>$/);
  assert.ok(out.includes(`'<b>  a string  </b>'`) && out.includes(`'a   plain   string'`), 'strings inside expressions are left alone');
  assert.match(after[2].texts.join('${}'), /^<rect x="0" width="?\$\{\}"?><\/rect>$/);
});
