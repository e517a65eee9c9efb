import pack from 'virtual:backstory-matcher-pack';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../../src/content/run';
import '../../src/content/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    return runContentScript(ctx, pack);
  },
});
