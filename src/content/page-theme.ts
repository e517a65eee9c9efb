/**
 * Whether the page is dark: the luminance of the first opaque background found on <body> or
 * <html>; a page that paints no background is light unless it declares a dark colour scheme.
 */
function parseRgb(color: string): [number, number, number, number] | undefined {
  const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\)/.exec(color);
  return m
    ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
    : undefined;
}

export function pageIsDark(doc: Document): boolean {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgba = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgba && rgba[3] > 0.5) {
      const [r, g, b] = rgba;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.45;
    }
  }
  return getComputedStyle(doc.documentElement).colorScheme.trim() === 'dark';
}
