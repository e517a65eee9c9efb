import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { launchFirefox } from '../support/drivers';
import { describeExtension } from './contract';

describeExtension(
  'Firefox',
  availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr'),
  () => launchFirefox(),
  async (url) => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const tab = await plain.newTab();
      await tab.goto(url);
      return await tab.evaluate(() => document.documentElement.outerHTML, null);
    } finally {
      await plain.close();
    }
  },
);
