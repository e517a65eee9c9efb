import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { domWithout, launchChromium, launchPlainChromium } from '../support/drivers';
import { launchWatchedChromium } from '../support/watch';
import { describeExtension } from './contract';
import { describeLifecycle } from './lifecycle';

describeExtension(
  'Chromium',
  availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'),
  () => launchChromium(),
  (url) => domWithout(launchPlainChromium, url),
);

describeLifecycle('Chromium', availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'), () =>
  launchWatchedChromium(),
);
