import { render } from 'preact';
import dataset from 'virtual:backstory-dataset';
import { useOptions } from '../../src/options/use-options';
import { useOwnEntries } from '../../src/options/use-own-entries';
import { usePacks } from '../../src/options/use-packs';
import { useStoredProblems } from '../../src/options/use-stored-problems';
import { useYourData } from '../../src/options/use-your-data';
import { localisePage } from '../../src/platform/i18n';
import { OptionsForm } from '../../src/ui/OptionsForm';
import { Datasets } from '../../src/ui/options/Datasets';
import { OwnEntries } from '../../src/ui/options/OwnEntries';
import { YourData } from '../../src/ui/options/YourData';
import '../../src/ui/options.css';

const bundledIds = new Set(dataset.entities.map((e) => e.id));

function Options() {
  return (
    <OptionsForm {...useOptions()} dataProblems={useStoredProblems()}>
      <Datasets {...usePacks(dataset)} />
      <OwnEntries {...useOwnEntries(dataset)} />
      <YourData {...useYourData(bundledIds)} />
    </OptionsForm>
  );
}

localisePage('options_title');
render(<Options />, document.getElementById('app')!);
