// "A rep leaves": share a rep's whole book over the others (a <tk-distribute-preview source="rep">,
// defined by the same chunk). In the panel's on-demand chunk; the section is closed at first.
import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { section, type PanelCtx } from './context.js';

export function leavesSection(ctx: PanelCtx) {
  return section(ctx, 'leaves', msg('A rep leaves'), () => {
    return html`<p class="weak" id="leaves-help">${msg("Shares a leaving rep's whole book over the others by skills, relationship, proximity and headroom. Locked accounts stay; nothing changes until you apply, and Undo takes it back.")}</p>
      <tk-distribute-preview source="rep" aria-describedby="leaves-help" .tolerance=${ctx.tolerance}
        locale=${ctx.f.locale} currency=${ctx.currency ?? nothing} theme=${ctx.theme ?? nothing}></tk-distribute-preview>`;
  });
}
