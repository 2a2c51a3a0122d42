// Cluster marks: a donut per cluster whose ring is split by the colour slots of its accounts (the
// reps' or territories' shares, following "Colour by"), with the count in the centre.

/** One cluster to draw: canvas position, radius, count and its accounts (index positions) or counts per slot. */
export interface ClusterMark {
  x: number;
  y: number;
  r: number;
  count: number;
  /** Accounts per colour slot (index into `colors`). */
  slots: Uint32Array;
  /** Selected accounts among them (drawn as an outer arc for that share). */
  sel?: number;
  /** Its accounts (index positions), when known (the rebalance preview badges a cluster's moves). */
  leaves?: Uint32Array;
}

/** How cluster marks look (read from the theme). */
export interface ClusterLook {
  /** Centre fill (the surface colour), drawn translucent. */
  centre: string;
  /** Count label colour. */
  text: string;
  /** Centre opacity (lower while a heat layer shows under the clusters). */
  centreAlpha: number;
}

const TAU = Math.PI * 2;

const abbreviate = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n));

/** The slot with the most accounts (the dominant rep or territory), -1 when empty. */
export function dominantSlot(slots: Uint32Array): number {
  let best = -1;
  let most = 0;
  for (let s = 0; s < slots.length; s++) if (slots[s] > most) (most = slots[s]), (best = s);
  return best;
}

/**
 * Draws cluster donuts: the ring split clockwise from 12 o'clock by share (largest first), the
 * centre in the surface colour with the count (when the mark is large enough to hold it).
 */
export function drawClusterMarks(ctx: CanvasRenderingContext2D, marks: readonly ClusterMark[], colors: readonly string[], look: ClusterLook): void {
  if (!marks.length) return;
  // Centres first, in one path.
  ctx.beginPath();
  for (const m of marks) {
    ctx.moveTo(m.x + m.r, m.y);
    ctx.arc(m.x, m.y, m.r, 0, TAU);
  }
  ctx.globalAlpha = look.centreAlpha;
  ctx.fillStyle = look.centre;
  ctx.fill();
  ctx.globalAlpha = 1;
  // Rings: one arc per slot present, largest share first.
  const order: number[] = [];
  for (const m of marks) {
    const width = Math.max(3.5, m.r * 0.42);
    const rr = m.r - width / 2;
    order.length = 0;
    for (let s = 0; s < m.slots.length; s++) if (m.slots[s]) order.push(s);
    order.sort((a, b) => m.slots[b] - m.slots[a] || a - b);
    let total = 0;
    for (const s of order) total += m.slots[s];
    let angle = -Math.PI / 2;
    ctx.lineWidth = width;
    for (let k = 0; k < order.length; k++) {
      const s = order[k];
      const sweep = (TAU * m.slots[s]) / total;
      ctx.beginPath();
      // A hair of overlap with the next arc hides the antialiased seam (not on the last: it would cover the first).
      ctx.arc(m.x, m.y, rr, angle, angle + sweep + (k < order.length - 1 ? 0.01 : 0));
      ctx.strokeStyle = colors[s];
      ctx.stroke();
      angle += sweep;
    }
  }
  ctx.fillStyle = look.text;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of marks) if (m.r >= 12) ctx.fillText(abbreviate(m.count), m.x, m.y);
}
