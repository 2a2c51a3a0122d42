import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlanActions, PlanState } from '../../src/store/types.js';
import { stepLabel } from './undo-label.js';

const TEXT_INPUT = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password']);

/** Whether a key event comes from a control that has its own Ctrl+Z (text editing). */
export function editsText(e: KeyboardEvent): boolean {
  const origin = e.composedPath()[0];
  if (origin instanceof HTMLTextAreaElement) return true;
  if (origin instanceof HTMLInputElement) return TEXT_INPUT.has(origin.type);
  return origin instanceof HTMLElement && origin.isContentEditable;
}

/** What the shortcut did: `undo` or `redo`, and the label of the step. */
export interface HistoryKeyResult {
  action: 'undo' | 'redo';
  label: string;
}

export interface HistoryKeysOptions {
  /** The plan's state and actions (usually a PlanController's getters). */
  plan: () => { state: PlanState | undefined; actions: PlanActions | undefined };
  /** Told after a shortcut undid or redid a step (e.g. to say so in a status line). */
  onDone?: (result: HistoryKeyResult) => void;
}

interface Registration {
  listener: (e: KeyboardEvent) => void;
  members: Set<HistoryKeysOptions>;
  /** Removes the listeners for keys pressed while a click inside left focus on <body>. */
  stop: () => void;
}

/** One keydown listener per planner (the provider element), shared by every element that asks. */
const registry = new WeakMap<EventTarget, Registration>();

/** The `<tk-territory-provider>` around `el`, across shadow roots; else the element itself. */
function plannerOf(el: HTMLElement): HTMLElement {
  let node: Node | null = el;
  while (node) {
    if (node instanceof HTMLElement && node.localName === 'tk-territory-provider') return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return el;
}

/** Reads a Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y press; null for any other key. */
export function historyKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/**
 * Ctrl+Z / Ctrl+Y (Cmd on macOS, Ctrl+Shift+Z too) anywhere inside the planner: one keydown
 * listener on the host's `<tk-territory-provider>` (the map, the panel, the board, …) undoes or
 * redoes a step of the working plan, outside text fields (which keep their own undo). Every element
 * that adds this controller shares the one listener; it is removed when the last one disconnects.
 * Outside a provider the listener sits on the host itself.
 *
 * @example
 * private readonly plan = new PlanController(this);
 * private readonly keys = new HistoryKeysController(this, { plan: () => this.plan, onDone: (r) => this.say(r) });
 */
export class HistoryKeysController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: HistoryKeysOptions;
  private target: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: HistoryKeysOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const target = plannerOf(this.host);
    this.target = target;
    let reg = registry.get(target);
    if (!reg) {
      const members = new Set<HistoryKeysOptions>();
      const listener = (e: KeyboardEvent) => {
        const action = historyKey(e);
        if (!action || e.defaultPrevented || editsText(e)) return;
        const first = members.values().next().value;
        const { state, actions } = first?.plan() ?? { state: undefined, actions: undefined };
        if (!state || !actions || state.role === 'rep') return;
        e.preventDefault();
        const label = stepLabel(action === 'undo' ? state.past.at(-1) : state.future[0]);
        const done = action === 'undo' ? actions.undo() : actions.redo();
        if (!done) return;
        for (const m of members) m.onDone?.({ action, label: label ?? '' });
      };
      // A click on a part that takes no focus (a heading, a toolbar's background) leaves focus on <body>,
      // out of the listener's reach. (A tabindex on the provider would fix that but drop its shadow tree
      // from Tab navigation.) So a pointerdown inside arms a document listener that takes the keys while
      // focus is on <body>; a pointerdown elsewhere disarms it.
      const armed = { on: false };
      const disarm = () => (armed.on = false);
      const arm = () => (armed.on = true);
      const fromBody = (e: KeyboardEvent) => {
        if (armed.on && (document.activeElement === document.body || document.activeElement === null)) listener(e);
      };
      document.addEventListener('pointerdown', disarm, true);
      target.addEventListener('pointerdown', arm);
      document.addEventListener('keydown', fromBody);
      const stop = () => {
        document.removeEventListener('pointerdown', disarm, true);
        target.removeEventListener('pointerdown', arm);
        document.removeEventListener('keydown', fromBody);
      };
      reg = { listener, members, stop };
      registry.set(target, reg);
      target.addEventListener('keydown', listener);
    }
    reg.members.add(this.options);
  }

  hostDisconnected(): void {
    const target = this.target;
    if (!target) return;
    const reg = registry.get(target);
    reg?.members.delete(this.options);
    if (reg && reg.members.size === 0) {
      target.removeEventListener('keydown', reg.listener);
      reg.stop();
      registry.delete(target);
    }
    this.target = null;
  }
}
