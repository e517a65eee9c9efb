/**
 * The article's publication date (YYYY-MM-DD), read from the page's own metadata: Open Graph
 * `article:published_time`, other common meta tags, JSON-LD `datePublished`, then the first
 * `<time datetime>` inside an article. Undefined when the page does not say.
 */
const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

const day = (value: string | null | undefined): string | undefined => {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '');
  return m?.[1];
};

function fromJsonLd(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = Array.isArray(data)
        ? data
        : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])];
      for (const item of items) {
        const found = day((item as { datePublished?: string } | null)?.datePublished);
        if (found) return found;
      }
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  return undefined;
}

export function articleDate(doc: Document): string | undefined {
  for (const selector of META) {
    const found = day(doc.querySelector(selector)?.getAttribute('content'));
    if (found) return found;
  }
  return (
    fromJsonLd(doc) ??
    day(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'))
  );
}
