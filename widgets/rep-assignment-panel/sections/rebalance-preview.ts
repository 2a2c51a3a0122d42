// The rebalance preview (diff, moves, Apply / Discard): a separate chunk, fetched together with the
// engine on the first run (RebalanceController), so pages that never rebalance never download it.
// It imports only types: lit's `html` and `nothing` and the UI-language helpers (msg, str, plurals) come from the section. A module the page already
// loads, imported here too, would be split by the bundler into a chunk of its own (lit: +0.4 kB gz).
import type { html as litHtml, nothing as litNothing } from 'lit';
import type { Assignments } from '../../../src/model/plan.js';
import type { RebalanceResult } from '../../../src/engine/rebalance.js';
import type { PanelCtx } from './context.js';
import type { Account } from '../../../src/model/account.js';
import { FAR_KM, moveDistances } from './rebalance-distance.js';
import { moveReasonText } from './move-reason.js';
import { explanationText } from './explanation-text.js';
// For the scenario comparison's notes (it loads this chunk on demand rather than split the wording out of it).
export { explanationText };
import { plainEngineText, summariseRebalance, type RunAsked, type SummaryNamer } from './rebalance-summary.js';
import type { Words } from './words.js';

/** Moves listed with their reason; the rest are counted. */
const LISTED_MOVES = 100;


function apply(ctx: PanelCtx, result: RebalanceResult, { msg, str, isOne }: Words): void {
  const assignments: Assignments = {};
  for (const m of result.moves) assignments[m.accountId] = m.to;
  const n = result.moves.length;
  const count = ctx.f.number(n, 0);
  const label = isOne(n) ? msg(str`Rebalance: move ${count} account`) : msg(str`Rebalance: move ${count} accounts`);
  if (ctx.a.applyAssignments(assignments, label)) {
    ctx.announce(msg(str`${label}. Undo with Ctrl+Z.`));
    ctx.set({ applied: { label, past: ctx.s.past.length + 1 } });
    ctx.focus('button[data-history=undo-applied]');
  }
  ctx.rebalance.clear();
}

const accountMaps = new WeakMap<readonly Account[], Map<string, Account>>();

/** Names, accounts and locks for the summary's sentences, from the plan state. */
function namer(ctx: PanelCtx, asked: RunAsked): SummaryNamer {
  const account = (id: string) => {
    let m = accountMaps.get(ctx.s.accounts);
    if (!m) accountMaps.set(ctx.s.accounts, (m = new Map(ctx.s.accounts.map((a) => [a.id, a]))));
    return m.get(id);
  };
  const selected = asked.lockSelection ? new Set(ctx.s.selection) : null;
  return {
    repName: (id) => ctx.repName(id),
    accountName: (id) => ctx.accountName(id),
    account,
    isLocked: (id) => !!(account(id)?.locked || selected?.has(id)),
  };
}

/** Lit's template tag and empty value, and the UI-language helpers, as the section imports them. */
export interface LitTemplating {
  html: typeof litHtml;
  nothing: typeof litNothing;
  words: Words;
}

/** The preview of a rebalance result; `stale` when the plan changed since the run (Apply disabled). */
export function rebalancePreview({ html, nothing, words }: LitTemplating, ctx: PanelCtx, result: RebalanceResult, basedOn: Assignments, asked: RunAsked) {
  const { msg, str, isOne } = words;
  const stale = basedOn !== ctx.s.working;
  const { f } = ctx;
  const c = result.metrics.comparison;
  const before = result.metrics.before.balance;
  const after = result.metrics.after.balance;
  const affected = c.reps.filter((r) => r.gained || r.lost);
  const km = { before: result.metrics.before.compactnessKm, after: result.metrics.after.compactnessKm };
  const summary = summariseRebalance(result, asked, f, namer(ctx, asked), words);
  const dist = moveDistances(result, ctx.s.accounts, ctx.s.reps, basedOn);
  const farFrom = asked.maxDistanceKm != null ? Math.min(FAR_KM, asked.maxDistanceKm) : FAR_KM;
  const far = result.moves.filter((m) => (dist.get(m.accountId) ?? 0) > farFrom);
  if (far.length) {
    const longest = far.reduce((a, b) => (dist.get(b.accountId)! > dist.get(a.accountId)! ? b : a));
    const moves = f.number(far.length, 0);
    const limit = f.number(farFrom, 0);
    const account = ctx.accountName(longest.accountId);
    const rep = ctx.repName(longest.to);
    const km = f.number(dist.get(longest.accountId)!, 0);
    const line = isOne(far.length)
      ? msg(str`${moves} move goes farther than ${limit} km; the longest: ${account} → ${rep}, ${km} km.`)
      : msg(str`${moves} moves go farther than ${limit} km; the longest: ${account} → ${rep}, ${km} km.`);
    // Two whole sentences: the hint only when no distance limit was set.
    summary.lines.push(asked.maxDistanceKm == null ? `${line} ${msg('Set “Move accounts at most” to keep moves near.')}` : line);
  }
  const movedShare = f.percent(c.accountsMovedShare, 1);
  const needed = f.number(c.lowerBound.accounts, 0);
  const potentialShare = f.percent(c.potentialMovedShare, 1);
  const more = f.number(result.moves.length - LISTED_MOVES, 0);
  return html`<div part="preview" role="region" aria-label=${msg('Rebalance preview')}>
    <p part="preview-headline" class="headline ${summary.tone}" data-status=${result.status}><strong>${summary.headline}.</strong></p>
    <ul part="preview-summary" class="summary">${summary.lines.map((l) => html`<li>${l}</li>`)}</ul>
    ${result.explanation ? html`<details class="weak"><summary>${msg('How the rebalance got there')}</summary><p part="preview-explanation">${explanationText(words, f, result, (english) => plainEngineText(english, f))}</p></details>` : nothing}
    <dl part="preview-stats" class="stats">
      <div><dt>${msg('Accounts moved')}</dt><dd data-stat="accounts">${f.number(c.accountsMoved, 0)}</dd>
        <dd class="weak">${msg(str`${movedShare} of accounts; at least ${needed} needed`)}</dd></div>
      <div><dt>${msg('Potential moved')}</dt><dd data-stat="potential">${f.currency(c.potentialMoved)}</dd>
        <dd class="weak">${msg(str`${potentialShare} of potential`)}</dd></div>
      <div><dt>${msg('Max deviation, workload')}</dt><dd data-stat="workload-deviation">${f.percent(before.workload.maxDeviation, 1)} → ${f.percent(after.workload.maxDeviation, 1)}</dd></div>
      <div><dt>${msg('Max deviation, potential')}</dt><dd data-stat="potential-deviation">${f.percent(before.potential.maxDeviation, 1)} → ${f.percent(after.potential.maxDeviation, 1)}</dd></div>
      ${km.before !== null && km.after !== null
        ? html`<div><dt>${msg('Mean distance to rep')}</dt><dd data-stat="distance">${f.number(km.before, 0)} km → ${f.number(km.after, 0)} km</dd>
            <dd class="weak">${msg('weighted by workload')}</dd></div>`
        : nothing}
    </dl>
    ${affected.length
      ? html`<div class="scroll tall" tabindex="0" role="region" aria-label=${msg('Reps affected')}><table part="preview-reps">
          <caption>${msg('Reps affected')}</caption>
          <thead><tr><th scope="col">${msg('Rep')}</th><th scope="col" class="num">${msg('Gains')}</th><th scope="col" class="num">${msg('Loses')}</th><th scope="col" class="num">${msg('Net potential')}</th></tr></thead>
          <tbody>
            ${affected.map(
              (r) => html`<tr data-rep=${r.repId}>
                <th scope="row">${ctx.repName(r.repId)}</th>
                <td class="num">${f.number(r.gained, 0)}</td>
                <td class="num">${f.number(r.lost, 0)}</td>
                <td class="num ${r.netPotential < 0 ? 'loss' : 'gain'}">${r.netPotential < 0 ? '−' : '+'}${f.currency(Math.abs(r.netPotential))}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>`
      : nothing}
    ${result.moves.length
      ? html`<h3 id="moves-title">${msg('Moves')}</h3>
          <div class="scroll tall" tabindex="0" role="region" aria-labelledby="moves-title"><ol part="moves" aria-labelledby="moves-title">
            ${result.moves.slice(0, LISTED_MOVES).map(
              (m) => html`<li data-account=${m.accountId}>
                <span class="name">${ctx.accountName(m.accountId)}</span>: ${m.from === null ? msg('Unassigned') : ctx.repName(m.from)} → ${ctx.repName(m.to)}
                ${(dist.get(m.accountId) ?? 0) > farFrom ? html`<strong class="far" data-km=${Math.round(dist.get(m.accountId)!)}>(${msg(str`${f.number(dist.get(m.accountId)!, 0)} km away`)})</strong>` : nothing}
                <span class="weak reason">— ${moveReasonText(words, f, ctx, m)}</span>
              </li>`,
            )}
            ${result.moves.length > LISTED_MOVES ? html`<li class="weak">${msg(str`and ${more} more`)}</li>` : nothing}
          </ol></div>`
      : html`<p class="weak">${msg('No account needs to move.')}</p>`}
    ${stale ? html`<p class="error" role="alert">${msg('The plan changed since this preview was made; run the rebalance again.')}</p>` : nothing}
    <div class="row">
      <button type="button" class="brand" ?disabled=${stale || result.moves.length === 0} @click=${() => apply(ctx, result, words)}>${msg('Apply')}</button>
      <button type="button" @click=${() => {
        ctx.rebalance.clear();
        ctx.focus('button[type=submit]');
      }}>${msg('Discard')}</button>
    </div>
  </div>`;
}

