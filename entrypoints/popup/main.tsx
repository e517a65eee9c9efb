import { render } from 'preact';
import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { CardModels } from '../../src/core/dataset/card-model';
import { EntitySearch } from '../../src/core/search/search';
import { usePopup } from '../../src/popup/use-popup';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/card.css';
import '../../src/ui/popup.css';

// Built on first use, so the popup draws before any index exists.
let index: EntitySearch | undefined;
let cards: CardModels | undefined;
const entities = new Map(dataset.entities.map((e) => [e.id, e]));
const search = (q: string) =>
  q.trim() ? (index ??= new EntitySearch(dataset.entities)).search(q) : [];
const getCard = (id: string) => (cards ??= new CardModels(dataset)).card(id);

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
// Read by `npm run bench:popup`: the popup is drawn and its search box takes input.
performance.mark('backstory:popup-ready');
