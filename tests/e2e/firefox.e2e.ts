import { availability, FIREFOX_BUILD, FIREFOX_PATH } from '../support/browsers';
import { domWithout, launchFirefox, type SystemLook } from '../support/drivers';
import { launchWatchedFirefox } from '../support/watch';
import { describeAccessibility, describeHighlightContrast } from './accessibility';
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
/** Firefox with the system's look set through preferences (it has no emulation for them). */
const launchWithLook = (look: SystemLook) =>
  launchFirefox({
    prefs: {
      // A dark system: what prefers-color-scheme reports to pages and extension pages.
      ...(look.colorScheme === 'dark' && {
        'ui.systemUsesDarkTheme': 1,
        'layout.css.prefers-color-scheme.content-override': 0,
      }),
      // Firefox's forced colours: "Override the colours specified by the page" set to Always,
      // in its own colours (light text on black for a dark look).
      ...(look.forcedColors && {
        'browser.display.document_color_use': 2,
        'browser.display.use_system_colors': false,
        'browser.display.background_color': look.colorScheme === 'dark' ? '#000000' : '#ffffff',
        'browser.display.foreground_color': look.colorScheme === 'dark' ? '#ffffff' : '#000000',
      }),
    },
  });
describeAccessibility('Firefox', available, launchWithLook);
describeHighlightContrast('Firefox', available, launchWithLook);
