import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  formatTick,
  geometry,
  lineChart,
  PLOT,
  scale,
  ticks,
  type ChartSpec,
} from './svg-chart';

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  title: 'Scan time',
  xLabel: 'page size (KB)',
  yLabel: 'time (ms)',
  x: 'log',
  y: 'log',
  series: [
    {
      label: 'full scan',
      style: 'line',
      colour: '#c00',
      points: [
        { x: 10, y: 1 },
        { x: 1000, y: 100 },
      ],
    },
    { label: 'baseline', style: 'dashed', colour: '#555', points: [{ x: 100, y: 10 }] },
  ],
  ...over,
});

/** Every circle's centre, in document order. */
const circles = (svg: string) =>
  [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);

describe('ticks', () => {
  it('steps a linear axis by 1, 2 or 5 × 10ⁿ and encloses the data', () => {
    expect(ticks('linear', 0, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks('linear', 0, 0.43)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(ticks('linear', 120, 980)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('puts a log axis on 1, 2, 5 × 10ⁿ starting at or below the least value', () => {
    expect(ticks('log', 8, 2500)).toEqual([5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]);
  });

  it('gives a lone value an axis up to the next tick', () => {
    expect(ticks('log', 50, 50)).toEqual([50, 100]);
    expect(ticks('linear', 3, 3)).toEqual([3, 3.2, 3.4, 3.6, 3.8, 4]);
  });

  it('keeps only powers of ten when the data spans more than three decades', () => {
    expect(ticks('log', 3, 2_000_000)).toEqual([
      1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000,
    ]);
  });
});

describe('scale', () => {
  it('maps the ends of the domain to the ends of the range, either way round', () => {
    const y = scale('linear', [0, 10], [400, 100]);
    expect(y(0)).toBe(400);
    expect(y(10)).toBe(100);
    expect(y(5)).toBe(250);
  });

  it('puts the geometric mean halfway on a log scale', () => {
    const x = scale('log', [10, 1000], [0, 200]);
    expect(x(100)).toBeCloseTo(100, 9);
    expect(x(10)).toBeCloseTo(0, 9);
  });
});

describe('lineChart', () => {
  it('draws each point where the axes say it is: larger values right and up', () => {
    const svg = lineChart(spec());
    const [first, second, baseline] = circles(svg);
    expect(first).toEqual([PLOT.left, PLOT.bottom]);
    expect(second).toEqual([PLOT.right, PLOT.top]);
    // 100 KB and 10 ms are the middle decade of both axes.
    expect(baseline![0]).toBeCloseTo((PLOT.left + PLOT.right) / 2, 0);
    expect(baseline![1]).toBeCloseTo((PLOT.top + PLOT.bottom) / 2, 0);
    expect(svg).toContain(
      `<polyline points="${PLOT.left}.0,${PLOT.bottom}.0 ${PLOT.right}.0,${PLOT.top}.0"`,
    );
  });

  it('labels every tick, both axes and every series, and dashes the baseline', () => {
    const svg = lineChart(spec());
    const { xTicks, yTicks } = geometry(spec());
    expect(xTicks).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    for (const t of [...xTicks, ...yTicks]) expect(svg).toContain(`>${formatTick(t)}</text>`);
    expect(svg).toContain('>1,000</text>');
    expect(svg).toContain('>page size (KB)</text>');
    expect(svg).toContain('>time (ms)</text>');
    expect(svg).toContain('>full scan</text>');
    expect(svg).toMatch(
      /<line [^>]*stroke="#555"[^>]*stroke-dasharray[^>]*\/>\n<text[^>]*>baseline<\/text>/,
    );
  });

  it('escapes text, so a label cannot break the markup', () => {
    const svg = lineChart(spec({ title: 'A <b> & "c"' }));
    expect(svg).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(svg).not.toContain('<b>');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('leaves out values a log axis cannot show instead of drawing them at infinity', () => {
    const svg = lineChart(
      spec({
        series: [
          {
            label: 'scan',
            style: 'points',
            colour: '#00c',
            points: [
              { x: 10, y: 0 },
              { x: 20, y: Number.NaN },
              { x: 50, y: 5 },
            ],
          },
        ],
      }),
    );
    // The one drawable point, and the legend's dot.
    expect(circles(svg)).toHaveLength(2);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
