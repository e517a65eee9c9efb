import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { domWithout, launchFirefox } from '../support/drivers';
import { launchWatchedFirefox } from '../support/watch';
import { describeExtension } from './contract';
import { describeLifecycle } from './lifecycle';

describeExtension(
  'Firefox',
  availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr'),
  () => launchFirefox(),
  (url) => domWithout(() => launchFirefox({ withExtension: false }), url),
);

describeLifecycle('Firefox', availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr'), () =>
  launchWatchedFirefox(),
);
