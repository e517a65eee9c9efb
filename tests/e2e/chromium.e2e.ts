import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { domWithout, launchChromium, launchPlainChromium } from '../support/drivers';
import { describeExtension } from './contract';
import { describeHostileInputs } from './hostile-inputs';

describeExtension(
  'Chromium',
  availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'),
  () => launchChromium(),
  (url) => domWithout(launchPlainChromium, url),
);

describeHostileInputs('Chromium', availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium'), () =>
  launchChromium(),
);
