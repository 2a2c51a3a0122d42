import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS properties by name: camelCase (`insetInlineStart`), dashed (`inset-inline-start`) or custom (`--x`). */
export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

const dashed = (name: string) => (name.startsWith('--') || name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * Like Lit's `styleMap`, but safe under a strict `style-src 'self'` Content-Security-Policy: it
 * always writes through the CSSOM (`style.setProperty`), never through the `style` attribute, which
 * `styleMap` does on its first render and a strict CSP blocks. Bind it to the `style` attribute:
 * `<div style=${styleProps({ width: '40%' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('styleProps must be the only binding of a style attribute');
    }
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): unknown {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === '') continue;
      const name = dashed(key);
      next.add(name);
      style.setProperty(name, String(value));
    }
    for (const name of this.previous) if (!next.has(name)) style.removeProperty(name);
    this.previous = next;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
