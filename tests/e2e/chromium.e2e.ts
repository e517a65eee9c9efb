import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { launchChromium, launchPlainChromium } from '../support/drivers';
import { describeExtension } from './contract';

describeExtension(
  'Chromium',
  availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'),
  () => launchChromium(),
  async (url) => {
    const plain = await launchPlainChromium();
    try {
      const tab = await plain.newTab();
      await tab.goto(url);
      return await tab.evaluate(() => document.documentElement.outerHTML, null);
    } finally {
      await plain.close();
    }
  },
);
