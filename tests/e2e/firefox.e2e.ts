import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { domWithout, launchFirefox } from '../support/drivers';
import { launchWatchedFirefox } from '../support/watch';
import { describeExtension } from './contract';
import { describeHostileInputs } from './hostile-inputs';
import { describeHostileLayout } from './hostile-layout';
import { describeHostilePages } from './hostile-pages';
import { describeLocalisation } from './i18n';
import { describeLifecycle } from './lifecycle';

const available = availability(FIREFOX_PATH, FIREFOX_BUILD, 'firefox-esr');

describeExtension(
  'Firefox',
  available,
  () => launchFirefox(),
  (url) => domWithout(() => launchFirefox({ withExtension: false }), url),
);
describeHostilePages(
  'Firefox',
  available,
  () => launchFirefox(),
  () => launchFirefox({ withExtension: false }),
);
describeHostileInputs('Firefox', available, () => launchFirefox());
describeHostileLayout(
  'Firefox',
  available,
  () => launchFirefox(),
  () => launchFirefox({ withExtension: false }),
);
describeLifecycle('Firefox', available, () => launchWatchedFirefox());
describeLocalisation('Firefox', available, (lang) => launchFirefox({ lang }));
