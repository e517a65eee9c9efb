import { render } from 'preact';
import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { CardModels } from '../../src/core/dataset/card-model';
import { EntitySearch } from '../../src/core/search/search';
import { usePopup } from '../../src/popup/use-popup';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/card.css';
import '../../src/ui/popup.css';

const index = new EntitySearch(dataset.entities);
const cards = new CardModels(dataset);
const entities = new Map(dataset.entities.map((e) => [e.id, e]));
const search = (q: string) => index.search(q);
const getCard = (id: string) => cards.card(id);

function Popup() {
  return (
    <PopupApp
      search={search}
      getCard={getCard}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      {...usePopup(entities)}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
