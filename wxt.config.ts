import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { glossaryDataPlugin, glossaryTextPlugin, glossaryTriePlugin } from './glossary/build-trie-plugin';

// The CSS Custom Highlight API is what paints terms without touching the page's DOM, so the
// manifest asks for browsers that have it instead of shipping a span-wrapping fallback.
const MIN_CHROME = '105';
const MIN_FIREFOX = '140.0';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false, reactAliasesEnabled: false }),
      glossaryTriePlugin(fileURLToPath(new URL('./glossary/data/', import.meta.url))),
      glossaryDataPlugin(fileURLToPath(new URL('./glossary/data/', import.meta.url))),
      glossaryTextPlugin(fileURLToPath(new URL('./glossary/data/', import.meta.url))),
    ],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
    // The same access the content script already has; it also lets the popup see which site the
    // current tab is on, for the site switch and "On this page".
    host_permissions: ['<all_urls>'],
    minimum_chrome_version: browser === 'firefox' ? undefined : MIN_CHROME,
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'health-glossary@health-glossary.org',
              strict_min_version: MIN_FIREFOX,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Explain the selected words',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlighting on or off for this site',
      },
    },
  }),
});
