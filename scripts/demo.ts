/**
 * `npm run demo`: builds the extension, serves the demo article on 127.0.0.1 and opens a real
 * browser on it with the extension loaded. `--screenshot FILE` runs headless instead, hovers
 * the first highlighted name and saves the page with its card open. On a machine without a
 * display it says so and takes the screenshot by default. `--browser firefox` uses Firefox.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  availability,
  CHROME_BUILD,
  CHROMIUM_PATH,
  FIREFOX_BUILD,
  FIREFOX_PATH,
} from '../tests/support/browsers';
import { launchChromium, launchFirefox, type Driver } from '../tests/support/drivers';
import { serveStatic } from '../tests/support/server';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    browser: { type: 'string', default: 'chromium' },
    'no-build': { type: 'boolean', default: false },
  },
});
const firefox = values.browser === 'firefox';
const hasDisplay =
  process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let screenshot = values.screenshot;
if (!screenshot && !hasDisplay) {
  screenshot = 'backstory-demo.png';
  console.log(
    `No display found (DISPLAY is not set): running headless and saving a screenshot to ${screenshot}.`,
  );
}

if (!values['no-build']) {
  const args = firefox ? ['wxt', 'build', '-b', 'firefox', '--mv3'] : ['wxt', 'build'];
  const build = spawnSync('npx', args, { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const ready = firefox
  ? availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr')
  : availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
if (!ready.ok) {
  console.error(`Cannot run the demo: ${ready.reason}`);
  process.exit(1);
}

const server = await serveStatic({
  demo: fileURLToPath(new URL('../tests/demo', import.meta.url)),
});
const url = `${server.url}demo/article.html`;
const headless = !!screenshot;
const driver: Driver = firefox
  ? await launchFirefox({ headless })
  : await launchChromium({ headless });
const tab = await driver.newTab();
await tab.goto(url);

if (screenshot) {
  // The first name we highlighted (our highlights are the registry's `backstory-` entries).
  const firstName = () => {
    let first: AbstractRange | undefined;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('backstory-')) return;
      for (const r of highlight as Set<AbstractRange>) {
        if (
          !first ||
          r.startContainer.compareDocumentPosition(first.startContainer) &
            Node.DOCUMENT_POSITION_FOLLOWING
        )
          first = r;
      }
    });
    if (!first) return undefined;
    const range = new Range();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(first.endContainer, first.endOffset);
    const rect = range.getClientRects()[0];
    return rect && { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  };
  await tab.waitFor(firstName, null);
  const point = await tab.evaluate(firstName, null);
  if (!point) throw new Error('no highlighted name to hover');
  await tab.mouseMove(point.x, point.y);
  await tab.waitFor(
    () =>
      document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-frame[data-placed]'),
    null,
  );
  await tab.screenshot(resolve(screenshot));
  console.log(`Saved ${resolve(screenshot)} (${driver.name}, ${url}).`);
  await driver.close();
  await server.close();
} else {
  console.log(
    `Backstory is running in ${driver.name} on ${url}\nHover a highlighted name; close the browser window or press Ctrl+C to stop.`,
  );
  const stop = async () => {
    await driver.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  await driver.closed();
  await server.close();
}
