// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PageWatch, type PageChanges } from './page-watch';

let stop: AbortController;
afterEach(() => stop.abort());

/** Builds `html` in the body, applies `change`, and returns what the watch gathered. */
async function changesAfter(
  build: (body: HTMLElement) => void,
  change: (body: HTMLElement) => void,
): Promise<PageChanges> {
  document.body.replaceChildren();
  build(document.body);
  stop = new AbortController();
  const watch = new PageWatch(
    document.body,
    () => {},
    stop.signal,
    () => false,
  );
  change(document.body);
  await new Promise((resolve) => setTimeout(resolve, 0)); // mutation records arrive
  return watch.take();
}

function paragraphs(body: HTMLElement, n: number): HTMLElement {
  const feed = document.createElement('section');
  for (let i = 0; i < n; i++) {
    const p = document.createElement('p');
    p.textContent = `Item ${i} from Tehran`;
    feed.append(p);
  }
  body.append(feed);
  return feed;
}

describe('what a change makes the scanner read again', () => {
  it('a paragraph removed from between paragraphs: only its own text goes, nothing is re-read', async () => {
    const changes = await changesAfter(
      (body) => paragraphs(body, 5),
      (body) => body.querySelectorAll('p')[2]!.remove(),
    );
    expect(changes.dirty.size).toBe(0);
    expect(changes.removed).toBe(true);
  });

  it('the oldest items of a feed removed, whitespace between them: still nothing re-read', async () => {
    const changes = await changesAfter(
      (body) => {
        const feed = paragraphs(body, 5);
        for (const p of feed.querySelectorAll('p')) p.after(document.createTextNode('\n  '));
      },
      (body) => {
        for (const p of [...body.querySelectorAll('p')].slice(0, 3)) p.remove();
      },
    );
    expect(changes.dirty.size).toBe(0);
    expect(changes.removed).toBe(true);
  });

  it('a block removed from between two runs of text: the runs join, so their parent is re-read', async () => {
    const changes = await changesAfter(
      (body) => {
        const div = document.createElement('div');
        div.append('Esmail ', document.createElement('p'), ' \n ', document.createElement('b'));
        div.querySelector('b')!.textContent = 'Qaani';
        body.append(div);
      },
      (body) => body.querySelector('p')!.remove(),
    );
    expect([...changes.dirty].map((el) => el.tagName)).toEqual(['DIV']);
  });

  it('text or inline markup removed: the block around it is re-read', async () => {
    const changes = await changesAfter(
      (body) => paragraphs(body, 2),
      (body) => body.querySelector('p')!.firstChild!.remove(),
    );
    expect([...changes.dirty].map((el) => el.tagName)).toEqual(['P']);
  });
});
