import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { domWithout, launchFirefox } from '../support/drivers';
import { launchWatchedFirefox } from '../support/watch';
import { describeAccessibility } from './accessibility';
import { describeExtension } from './contract';
import { describeHostileInputs } from './hostile-inputs';
import { describeHostileLayout } from './hostile-layout';
import { describeHostilePages } from './hostile-pages';
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
describeAccessibility('Firefox', available, (look) =>
  launchFirefox({
    prefs: {
      // A dark system: what prefers-color-scheme reports to pages and extension pages.
      ...(look.colorScheme === 'dark' && {
        'ui.systemUsesDarkTheme': 1,
        'layout.css.prefers-color-scheme.content-override': 0,
      }),
      // Firefox's forced colours: "Override the colours specified by the page" set to Always.
      ...(look.forcedColors && { 'browser.display.document_color_use': 2 }),
    },
  }),
);
