import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { PopupApp, type PageView, type PopupAppProps } from './PopupApp';

const noop = () => {};
const render = (page: PageView, extra: Partial<PopupAppProps> = {}) =>
  renderToString(
    <PopupApp
      search={() => []}
      getCard={() => undefined}
      page={page}
      enabled
      onToggleEnabled={noop}
      sitePaused={false}
      onToggleSite={noop}
      onReveal={noop}
      onGrant={noop}
      onOpenOptions={noop}
      {...extra}
    />,
  );

describe('PopupApp', () => {
  it('groups the names on the page by type, with their counts', () => {
    const html = render({
      kind: 'ready',
      host: 'news.example.org',
      complete: true,
      entries: [
        { id: 'baghdad', name: 'Baghdad', type: 'place', count: 4 },
        { id: 'esmail-qaani', name: 'Esmail Qaani', type: 'person', count: 3 },
      ],
    });
    expect(html.indexOf('People')).toBeLessThan(html.indexOf('Places'));
    expect(html).toContain('aria-label="Mentions: 4"');
    expect(html).toContain('Pause on news.example.org');
  });

  it('offers one button to grant access where the browser withholds the site', () => {
    const html = render({ kind: 'no-access', host: 'news.example.org' });
    expect(html).toContain('Allow on news.example.org');
  });

  it('says plainly why a page cannot be read, and when the site is paused', () => {
    expect(render({ kind: 'unsupported' })).toContain('cannot read this page');
    const paused = render(
      { kind: 'ready', host: 'news.example.org', complete: true, entries: [] },
      { sitePaused: true },
    );
    expect(paused).toContain('Paused on news.example.org');
    expect(paused).toContain('Resume on news.example.org');
  });
});
