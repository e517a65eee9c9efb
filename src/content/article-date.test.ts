// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { articleDate } from './article-date';

function doc(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}

it('reads the publication date from Open Graph, JSON-LD or <time>', () => {
  expect(
    articleDate(doc('<meta property="article:published_time" content="2025-05-14T10:00:00Z">')),
  ).toBe('2025-05-14');
  expect(
    articleDate(
      doc(
        '<script type="application/ld+json">{"@graph":[{"datePublished":"2019-03-02"}]}</script>',
      ),
    ),
  ).toBe('2019-03-02');
  expect(articleDate(doc('', '<article><time datetime="2024-01-09">9 Jan</time></article>'))).toBe(
    '2024-01-09',
  );
  expect(articleDate(doc('<script type="application/ld+json">{broken</script>'))).toBeUndefined();
});
