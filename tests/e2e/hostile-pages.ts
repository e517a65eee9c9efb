import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import { suiteRuns } from '../support/suite';
import type { Driver, Tab } from '../support/drivers';
import { buildReactPage } from '../support/react-page';
import { serveStatic, type StaticServer } from '../support/server';
import {
  centreOf,
  cardTitled,
  clickInCard,
  clickRelated,
  hasHighlights,
  highlightedTexts,
  highlightedWhere,
  inCard,
  textIncludes,
  until,
  untilHighlighted,
} from './contract';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

/** As strict as sites get: no script, no inline style, nothing from elsewhere, Trusted Types. */
const STRICT_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Console messages that mean something went wrong (Playwright says warning, Puppeteer warn). */
const PROBLEMS = new Set(['error', 'warning', 'warn', 'pageerror']);

function collectProblems(tab: Tab): string[] {
  const problems: string[] = [];
  tab.onConsole((type, text) => PROBLEMS.has(type) && problems.push(`${type}: ${text}`));
  return problems;
}

/** Waits until every one of `texts` is highlighted. */
async function untilAllHighlighted(tab: Tab, texts: string[]): Promise<void> {
  await until(
    async () => {
      const shown = await tab.evaluate(highlightedTexts, null);
      return texts.every((text) => shown.includes(text));
    },
    5_000,
    `${texts.join(', ')} to be highlighted`,
  );
}

type ReactPage = { reactErrors: string[]; hydrate(): void; hydrated?: boolean };

/**
 * One editing step: put the caret after `text` (or select it) in the editor `id`, type
 * `typed` key by key, then press Backspace `erase` times and type `retyped`.
 */
interface Edit {
  id: string;
  text: string;
  caret: 'after' | 'select';
  typed: string;
  erase: number;
  retyped: string;
}

const EDITS: Edit[] = [
  {
    id: 'textarea',
    text: 'Baghdad',
    caret: 'select',
    typed: 'Muscat, then Tehran',
    erase: 6,
    retyped: 'Oman',
  },
  {
    id: 'input',
    text: 'Muscat',
    caret: 'after',
    typed: ' and the Quds Force',
    erase: 5,
    retyped: 'Force',
  },
  {
    id: 'editable',
    text: 'Tehran',
    caret: 'select',
    typed: 'Baghdad via Esmail Qaani',
    erase: 3,
    retyped: 'ani',
  },
  { id: 'design', text: 'Baghdad', caret: 'after', typed: ' and Tehran', erase: 1, retyped: 'n' },
  // Made editable by the page after we read it.
  {
    id: 'late',
    text: 'Hossein Salami',
    caret: 'after',
    typed: ' of the IRGC',
    erase: 2,
    retyped: 'GC',
  },
];

/** Focuses the editor `id` (an iframe means its design-mode document) and places the caret. */
const placeCaret = ([id, text, caret]: readonly [string, string, 'after' | 'select']) => {
  let el = document.getElementById(id)!;
  let doc = document;
  if (el instanceof HTMLIFrameElement) {
    doc = el.contentDocument!;
    el.contentWindow!.focus();
    el = doc.body;
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    const at = el.value.indexOf(text);
    el.setSelectionRange(caret === 'after' ? at + text.length : at, at + text.length);
    return;
  }
  el.focus();
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(text);
    if (at < 0) continue;
    doc
      .getSelection()!
      .setBaseAndExtent(node, caret === 'after' ? at + text.length : at, node, at + text.length);
    return;
  }
  throw new Error(`"${text}" is not in #${id}`);
};

/** What the reader sees of an editor: its content, caret or selection, and where focus is. */
const editorState = (id: string) => {
  let el = document.getElementById(id)!;
  let doc = document;
  if (el instanceof HTMLIFrameElement) {
    doc = el.contentDocument!;
    el = doc.body;
  }
  const active = document.activeElement?.id ?? '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const { value, selectionStart, selectionEnd, selectionDirection } = el;
    return { active, value, selection: `${selectionStart}-${selectionEnd} ${selectionDirection}` };
  }
  // A selection end as the child-index path from the editor to its node, and the offset.
  const where = (node: Node | null, offset: number) => {
    if (!node || !el.contains(node)) return 'elsewhere';
    const steps: number[] = [];
    for (let n = node; n !== el; n = n.parentNode!)
      steps.unshift([...n.parentNode!.childNodes].indexOf(n as ChildNode));
    return `${steps.join('/')}:${offset}`;
  };
  const s = doc.getSelection()!;
  return {
    active,
    value: el.innerHTML,
    selection: `${where(s.anchorNode, s.anchorOffset)} ${where(s.focusNode, s.focusOffset)}`,
  };
};

/** How many ranges we registered in the design-mode frame's own highlight registry. */
const highlightsInFrame = () => {
  const frame = document.getElementById('design') as HTMLIFrameElement | null;
  if (!frame) return 0;
  const registry = (frame.contentWindow as unknown as { CSS: typeof CSS }).CSS.highlights;
  let size = 0;
  registry.forEach((highlight, name) => {
    if (name.startsWith('backstory-')) size += highlight.size;
  });
  return size;
};

/** A page to edit: names to see highlighted first, a button the page turns editing on with. */
interface EditScript {
  file: string;
  highlightedFirst: string[];
  switchOn?: string;
  /** The element the switch makes editable: its highlights must go before any typing. */
  switched?: string;
  edits: Edit[];
}

/**
 * Edits a page as a reader would and returns what each editor showed after its edit, then all
 * of them again once any delayed work of ours has had its chance, and where we highlight then.
 */
async function editPage(driver: Driver, url: string, script: EditScript, withUs: boolean) {
  const tab = await driver.newTab();
  await tab.goto(url);
  await tab.waitFor(() => {
    const frame = document.getElementById('design') as HTMLIFrameElement | null;
    return !frame || frame.contentDocument?.designMode === 'on';
  }, null);
  if (withUs) for (const name of script.highlightedFirst) await untilHighlighted(tab, name);
  if (script.switchOn) await tab.click(script.switchOn);
  if (withUs && script.switched) {
    const id = script.switched;
    await until(
      async () => !(await tab.evaluate(highlightedWhere, null)).some((h) => h.id === id),
      5_000,
      `the highlights in #${id} to go once it is editable`,
    );
  }
  const states = [];
  for (const edit of script.edits) {
    await tab.evaluate(placeCaret, [edit.id, edit.text, edit.caret] as const);
    await tab.keyboardType(edit.typed);
    for (let i = 0; i < edit.erase; i++) await tab.press('Backspace');
    await tab.keyboardType(edit.retyped);
    states.push(await tab.evaluate(editorState, edit.id));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // past our rescan delay
  for (const edit of script.edits) states.push(await tab.evaluate(editorState, edit.id));
  const highlightedIn = (await tab.evaluate(highlightedWhere, null)).map((h) => h.id);
  const inFrame = await tab.evaluate(highlightsInFrame, null);
  await tab.close();
  return { states, highlightedIn, inFrame };
}

/**
 * Pages that make life hard for an extension: a hydrated React app that notices any change to
 * its server markup, every kind of editor, and a Content-Security-Policy that allows nothing.
 * On each we must cause no error and change nothing of the page's own behaviour.
 */
export function describeHostilePages(
  name: string,
  available: Availability,
  launch: () => Promise<Driver>,
  launchPlain: () => Promise<Driver>,
): void {
  if (!suiteRuns(`${name} hostile pages`, available)) return;

  describe(`${name}: hostile pages`, () => {
    let server: StaticServer;
    let driver: Driver;
    let reactDir: string;

    beforeAll(async () => {
      reactDir = await buildReactPage();
      server = await serveStatic(
        { fixtures: FIXTURES_DIR, react: reactDir },
        { headers: { '/fixtures/strict-csp.html': { 'content-security-policy': STRICT_CSP } } },
      );
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
      if (reactDir) rmSync(reactDir, { recursive: true, force: true });
    });

    for (const hydrate of ['now', 'later'] as const) {
      it(`lets React hydrate its server markup without a mismatch (hydrating ${hydrate}), and follows its re-renders`, async () => {
        const tab = await driver.newTab();
        const problems = collectProblems(tab);
        await tab.goto(`${server.url}react/index.html?hydrate=${hydrate}`);
        await untilHighlighted(tab, 'Esmail Qaani');
        // 'later': React compares the page with its own markup only after we have read it all.
        if (hydrate === 'later') {
          await untilHighlighted(tab, 'Tehran');
          await tab.evaluate(() => (window as unknown as ReactPage).hydrate(), null);
        }
        await tab.waitFor(() => (window as unknown as ReactPage).hydrated === true, null);
        const reactErrors = () => (window as unknown as ReactPage).reactErrors;
        expect(await tab.evaluate(reactErrors, null)).toEqual([]);
        await untilAllHighlighted(tab, ['Esmail Qaani', 'Quds Force', 'Tehran']);

        // The page's buttons still work, and our highlights follow what React re-renders.
        await tab.click('#more');
        await tab.click('#more');
        await tab.waitFor(textIncludes, ['#count', 'Read 2 times'] as const);
        await tab.click('#next');
        await tab.waitFor(textIncludes, ['#story', 'Qasim al-Araji flew'] as const);
        await untilAllHighlighted(tab, ['Qasim al-Araji', 'Baghdad', 'Muscat', 'Tehran']);
        await untilHighlighted(tab, 'Esmail Qaani', false);
        expect(await tab.evaluate(reactErrors, null)).toEqual([]);
        expect(problems).toEqual([]);
        await tab.close();
      });
    }

    /** Runs `script` with us and in a browser without us; returns both runs. */
    async function editBoth(script: EditScript) {
      const url = `${server.url}fixtures/${script.file}`;
      const withUs = await editPage(driver, url, script, true);
      const plain = await launchPlain();
      const without = await editPage(plain, url, script, false).finally(() => plain.close());
      return { withUs, without };
    }

    it('leaves textarea, input, contenteditable and design-mode editors exactly as the reader types them', async () => {
      const { withUs, without } = await editBoth({
        file: 'editors.html',
        highlightedFirst: ['Esmail Qaani', 'Hossein Salami'],
        switchOn: '#make-editable',
        switched: 'late',
        edits: EDITS,
      });
      const editors = new Set(EDITS.map((e) => e.id));
      expect(withUs.highlightedIn).toContain('prose');
      expect(withUs.highlightedIn.filter((id) => editors.has(id))).toEqual([]);
      expect(withUs.inFrame).toBe(0);
      // Content, caret, selection and focus are what they are without us, keystroke for keystroke.
      expect(withUs.states).toEqual(without.states);
      // The edits happened (so the comparison above compared something).
      expect(withUs.states[0]!.value).toContain(
        'Esmail Qaani met Qasim al-Araji in Muscat, then Oman.',
      );
      expect(withUs.states[2]!.value).toContain('Baghdad via Esmail Qaani');
      expect(withUs.states[4]!.value).toContain('Hossein Salami of the IRGC');
    }, 120_000);

    it('drops its highlights when the page turns design mode on, and leaves the typing alone', async () => {
      const { withUs, without } = await editBoth({
        file: 'design-later.html',
        highlightedFirst: ['Esmail Qaani', 'Tehran'],
        switchOn: '#design-on',
        edits: [
          {
            id: 'story',
            text: 'Baghdad',
            caret: 'select',
            typed: 'Muscat with the Quds Force',
            erase: 5,
            retyped: 'Force',
          },
        ],
      });
      expect(withUs.highlightedIn).toEqual([]);
      expect(withUs.states).toEqual(without.states);
      expect(withUs.states[0]!.value).toContain('Muscat with the Quds Force');
    }, 120_000);

    it('highlights, opens a styled card and navigates it under a strict CSP and Trusted Types, with no violation', async () => {
      const tab = await driver.newTab();
      const problems = collectProblems(tab);
      // Injected by the automation tool, so it runs although the page allows no script.
      await tab.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener(
          'securitypolicyviolation',
          (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile} ${e.sample}`),
          true,
        );
      }, null);
      await tab.goto(`${server.url}fixtures/strict-csp.html`);
      const violations = () => (window as unknown as { violations?: string[] }).violations;

      await untilHighlighted(tab, 'Esmail Qaani');
      const point = await tab.evaluate(centreOf, 'Esmail Qaani');
      await tab.mouseMove(point!.x, point!.y);
      await tab.waitFor(cardTitled, 'Esmail Qaani');
      await tab.waitFor(inCard, '.bs-frame[data-placed]');

      // Styled by our stylesheet, not left to the browser's defaults (transparent, 16px, static).
      const look = await tab.evaluate(() => {
        const root = document.querySelector('backstory-card')!.shadowRoot!;
        const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
        const card = style('.bs-card');
        const frame = style('.bs-frame');
        return {
          cardBackground: card.backgroundColor,
          cardFontSize: card.fontSize,
          cardPadding: card.paddingTop,
          titleFontSize: style('[data-testid="card-title"]').fontSize,
          framePosition: frame.position,
          frameRadius: frame.borderTopLeftRadius,
          frameShadow: frame.boxShadow,
        };
      }, null);
      expect(look).toMatchObject({
        cardBackground: 'rgb(255, 253, 248)',
        cardFontSize: '14px',
        cardPadding: '12px',
        titleFontSize: '17px',
        framePosition: 'fixed',
        frameRadius: '10px',
      });
      expect(look.frameShadow).not.toBe('none');

      // It works: a related entity opens inside the card, and Back returns.
      await tab.evaluate(clickRelated, 'Quds Force');
      await tab.waitFor(cardTitled, 'Quds Force');
      await tab.evaluate(clickInCard, '.bs-card-back');
      await tab.waitFor(cardTitled, 'Esmail Qaani');
      expect(await tab.evaluate(hasHighlights, null)).toBe(true);

      expect(await tab.evaluate(violations, null)).toEqual([]);
      expect(problems).toEqual([]);

      // The policy is in force and the listener hears it: an inline style the page sets itself,
      // and markup it writes without a Trusted Types policy, are refused and reported.
      await tab.evaluate(() => document.body.setAttribute('style', 'color: red'), null);
      const untrusted = await tab.evaluate(() => {
        try {
          document.body.innerHTML = '<b>x</b>'; // the sink Trusted Types must refuse
          return 'accepted';
        } catch (error) {
          return (error as Error).name;
        }
      }, null);
      expect(untrusted).toBe('TypeError');
      await until(
        async () => (await tab.evaluate(violations, null))?.length === 2,
        5_000,
        "the page's own inline style and untrusted markup to be reported",
      );
      expect((await tab.evaluate(violations, null))!.map((v) => v.split(' ')[0]).sort()).toEqual([
        'require-trusted-types-for',
        'style-src-attr',
      ]);
      await tab.close();
    });
  });
}
