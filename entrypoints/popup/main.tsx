import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { localisePage } from '../../src/platform/i18n';
import { popupData } from '../../src/popup/popup-data';
import { usePopup } from '../../src/popup/use-popup';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/card.css';
import '../../src/ui/popup.css';

localisePage('extension_name');
const data = popupData(dataset);

function Popup() {
  // Drawn again once imported packs are loaded, so their names are searchable and listed.
  const [, setLoaded] = useState(0);
  useEffect(() => void data.ready.then(() => setLoaded(1)), []);
  return (
    <PopupApp
      search={data.search}
      getCard={data.getCard}
      getNote={data.getNote}
      onSaveNote={data.saveNote}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      {...usePopup(data.entities())}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
// Read by `npm run bench:popup`: the popup is drawn and its search box takes input.
performance.mark('backstory:popup-ready');
