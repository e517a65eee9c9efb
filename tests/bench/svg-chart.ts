/**
 * A small hand-written SVG line chart for the benchmark report (no charting dependency): two
 * axes, linear or logarithmic, with ticks at 1, 2 and 5 × 10ⁿ, grid lines, axis labels with
 * units, a title, a legend, and series drawn as solid or dashed lines (a baseline) or as bare
 * points. The output is plain text, so it is committed, diffed and viewed in any browser.
 */
export type ScaleKind = 'linear' | 'log';

export interface Point {
  x: number;
  y: number;
}

export interface Series {
  label: string;
  points: Point[];
  /** 'dashed' is for baselines; 'points' for measurements that do not form a line. */
  style: 'line' | 'dashed' | 'points';
  colour: string;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  x: ScaleKind;
  y: ScaleKind;
  series: Series[];
}

export const WIDTH = 900;
export const HEIGHT = 460;
/** The plot area inside the margins: title above, tick labels left and below, legend right. */
export const PLOT = { left: 80, top: 50, right: 620, bottom: 390 };

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Removes floating-point noise (0.30000000000000004 → 0.3). */
const clean = (v: number) => Number(v.toPrecision(12));

/**
 * Tick values that enclose [min, max]: the first is ≤ min and the last ≥ max, so they also give
 * the axis its extent. Linear: about five steps of 1, 2 or 5 × 10ⁿ. Log: 1, 2 and 5 × 10ⁿ, or
 * only powers of ten when the data spans more than three decades.
 */
export function ticks(kind: ScaleKind, min: number, max: number): number[] {
  if (kind === 'log') {
    const low = Math.floor(Math.log10(min));
    const high = Math.ceil(Math.log10(max)) + 1;
    const mantissas = Math.log10(max / min) > 3 ? [1] : [1, 2, 5];
    const all: number[] = [];
    for (let e = low; e <= high; e++) for (const m of mantissas) all.push(clean(m * 10 ** e));
    const first = all.findLastIndex((t) => t <= min);
    const last = all.findIndex((t) => t >= max);
    // One value alone still gets an axis: up to the next tick.
    return all.slice(Math.max(0, first), Math.max(last, first + 1) + 1);
  }
  if (max === min) max = min + 1;
  const rough = (max - min) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const out: number[] = [];
  for (let t = Math.floor(min / step) * step; ; t += step) {
    out.push(clean(t));
    if (t >= max - step * 1e-9) break;
  }
  return out;
}

/** Maps a value in `domain` to a pixel in `range`, linearly or on a log scale. */
export function scale(
  kind: ScaleKind,
  domain: [number, number],
  range: [number, number],
): (v: number) => number {
  const f = kind === 'log' ? Math.log10 : (v: number) => v;
  const [d0, d1] = [f(domain[0]), f(domain[1])];
  return (v) => range[0] + ((range[1] - range[0]) * (f(v) - d0)) / (d1 - d0);
}

const usable = (kind: ScaleKind, v: number) => Number.isFinite(v) && (kind === 'linear' || v > 0);

/** The ticks and the value → pixel maps of a chart; exported for tests. */
export function geometry(spec: ChartSpec) {
  const points = spec.series
    .flatMap((s) => s.points)
    .filter((p) => usable(spec.x, p.x) && usable(spec.y, p.y));
  if (points.length === 0) throw new Error(`chart "${spec.title}" has no points to draw`);
  const xs = points.map((p) => p.x);
  // A linear time axis starts at 0, so lengths of bars and lines compare honestly.
  const ys = points.map((p) => p.y).concat(spec.y === 'linear' ? [0] : []);
  const xTicks = ticks(spec.x, Math.min(...xs), Math.max(...xs));
  const yTicks = ticks(spec.y, Math.min(...ys), Math.max(...ys));
  return {
    xTicks,
    yTicks,
    x: scale(spec.x, [xTicks[0]!, xTicks.at(-1)!], [PLOT.left, PLOT.right]),
    y: scale(spec.y, [yTicks[0]!, yTicks.at(-1)!], [PLOT.bottom, PLOT.top]),
  };
}

export const formatTick = (v: number) => (v >= 1000 ? v.toLocaleString('en') : String(v));
const px = (v: number) => v.toFixed(1);

export function lineChart(spec: ChartSpec): string {
  const g = geometry(spec);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="28" font-size="16" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  for (const t of g.xTicks) {
    const x = px(g.x(t));
    out.push(
      `<line x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}" stroke="#e3e3e3"/>`,
      `<text x="${x}" y="${PLOT.bottom + 18}" text-anchor="middle">${formatTick(t)}</text>`,
    );
  }
  for (const t of g.yTicks) {
    const y = px(g.y(t));
    out.push(
      `<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="#e3e3e3"/>`,
      `<text x="${PLOT.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(t)}</text>`,
    );
  }
  out.push(
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#333"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#333"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 44}" text-anchor="middle" font-size="13">${escapeXml(spec.xLabel)}</text>`,
    `<text transform="translate(22 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="13">${escapeXml(spec.yLabel)}</text>`,
  );
  spec.series.forEach((series, i) => {
    const points = series.points
      .filter((p) => usable(spec.x, p.x) && usable(spec.y, p.y))
      .sort((a, b) => a.x - b.x);
    const dash = series.style === 'dashed' ? ' stroke-dasharray="7 5"' : '';
    if (series.style !== 'points' && points.length > 1) {
      const path = points.map((p) => `${px(g.x(p.x))},${px(g.y(p.y))}`).join(' ');
      out.push(
        `<polyline points="${path}" fill="none" stroke="${series.colour}" stroke-width="2"${dash}/>`,
      );
    }
    for (const p of points) {
      out.push(
        `<circle cx="${px(g.x(p.x))}" cy="${px(g.y(p.y))}" r="3.5" fill="${series.colour}"/>`,
      );
    }
    // The legend: a sample of the line (or a dot) and the label, one row per series.
    const ly = PLOT.top + 10 + i * 24;
    const lx = PLOT.right + 24;
    out.push(
      series.style === 'points'
        ? `<circle cx="${lx + 14}" cy="${ly}" r="3.5" fill="${series.colour}"/>`
        : `<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${series.colour}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 36}" y="${ly}" dominant-baseline="middle">${escapeXml(series.label)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
