import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { domWithout, launchFirefox } from '../support/drivers';
import { describeExtension } from './contract';
import { describeHostilePages } from './hostile-layout';

describeExtension(
  'Firefox',
  availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr'),
  () => launchFirefox(),
  (url) => domWithout(() => launchFirefox({ withExtension: false }), url),
);

describeHostilePages(
  'Firefox',
  availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr'),
  () => launchFirefox(),
  () => launchFirefox({ withExtension: false }),
);
