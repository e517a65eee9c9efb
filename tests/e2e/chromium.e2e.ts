import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { domWithout, launchChromium, launchPlainChromium } from '../support/drivers';
import { launchWatchedChromium } from '../support/watch';
import { describeAccessibility, describeHighlightContrast } from './accessibility';
import { describeExtension } from './contract';
import { describeHostileInputs } from './hostile-inputs';
import { describeHostileLayout } from './hostile-layout';
import { describeHostilePages } from './hostile-pages';
import { describeLocalisation } from './i18n';
import { describeLifecycle } from './lifecycle';

const available = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');

describeExtension(
  'Chromium',
  available,
  () => launchChromium(),
  (url) => domWithout(launchPlainChromium, url),
);
describeHostilePages('Chromium', available, () => launchChromium(), launchPlainChromium);
describeHostileInputs('Chromium', available, () => launchChromium());
describeHostileLayout('Chromium', available, () => launchChromium(), launchPlainChromium);
describeLifecycle('Chromium', available, () => launchWatchedChromium());
describeLocalisation('Chromium', available, (lang) => launchChromium({ lang }));
describeAccessibility('Chromium', available, (look) => launchChromium(look));
describeHighlightContrast('Chromium', available, (look) => launchChromium(look));
