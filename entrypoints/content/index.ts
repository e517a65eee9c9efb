import pack from 'virtual:backstory-matcher-pack';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { useBrowserMessages } from '../../src/platform/i18n';
import { runContentScript } from '../../src/content/run';
import '../../src/content/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would also window.postMessage its start signal, which carries our extension id to
  // every script on the page; the document event it sends as well is enough to stop old copies.
  noScriptStartedPostMessage: true,
  main(ctx) {
    useBrowserMessages();
    return runContentScript(ctx, pack);
  },
});
