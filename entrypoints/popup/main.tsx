import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { CardModels } from '../../src/core/dataset/card-model';
import { EntitySearch } from '../../src/core/search/search';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../src/shared/settings';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/card.css';
import '../../src/ui/popup.css';

const index = new EntitySearch(dataset.entities);
const cards = new CardModels(dataset);
const search = (q: string) => index.search(q);
const getCard = (id: string) => cards.card(id);

function Popup() {
  const [enabled, setEnabled] = useState(DEFAULT_SETTINGS.enabled);
  useEffect(() => void loadSettings(browser.storage.local).then((s) => setEnabled(s.enabled)), []);
  return (
    <PopupApp
      search={search}
      getCard={getCard}
      enabled={enabled}
      onToggleEnabled={(on) =>
        void saveSettings(browser.storage.local, { enabled: on }).then((s) => setEnabled(s.enabled))
      }
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
