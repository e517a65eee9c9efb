import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { domWithout, launchChromium, launchPlainChromium } from '../support/drivers';
import { describeExtension } from './contract';
import { describeHostilePages } from './hostile-layout';

describeExtension(
  'Chromium',
  availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'),
  () => launchChromium(),
  (url) => domWithout(launchPlainChromium, url),
);

describeHostilePages(
  'Chromium',
  availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'),
  () => launchChromium(),
  launchPlainChromium,
);
