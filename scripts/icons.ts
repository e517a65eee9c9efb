/**
 * `npm run icons`: draws public/icon/<size>.png from public/icon/backstory.svg at every size the
 * stores and browsers ask for (Chrome: 16, 32, 48, 128; Firefox and its add-ons site: 48, 96),
 * with the Debian Chromium the browser tests use. The PNGs are committed, so a build needs no
 * browser; run this after changing the SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/support/browsers';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));

async function main(): Promise<void> {
  const svg = readFileSync(`${DIR}backstory.svg`, 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
      );
      await page.waitForFunction(() => document.images[0]?.complete);
      writeFileSync(`${DIR}${size}.png`, await page.screenshot({ omitBackground: true }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Wrote ${ICON_SIZES.map((s) => `${s}.png`).join(', ')} in public/icon/`);
}

await main();
