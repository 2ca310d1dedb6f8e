import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ContentRequest, ExplainSelectionReply } from '../utils/messages';
import { matchesSite } from '../utils/sites';
import { loadSettings, updateSettings } from '../utils/settings';

const MENU_ID = 'explain-selection';

/** Opens the look-up in a small window, with the words filled in (when the page could not explain them). */
async function openLookup(text: string, tabId?: number): Promise<void> {
  const params = new URLSearchParams({ q: text.trim().slice(0, 100) });
  if (tabId !== undefined) params.set('tab', String(tabId));
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?${params}`), type: 'popup', width: 420, height: 640 });
}

/**
 * "Explain" for a selection: the card opens at the selection when the glossary knows the words,
 * otherwise the look-up opens with them, so the reader gets suggestions instead of nothing.
 */
export async function explainSelection(tabId: number, text?: string, frameId?: number): Promise<ExplainSelectionReply> {
  let reply: ExplainSelectionReply | null = null;
  try {
    // The context menu says which frame was clicked; the keyboard command does not, so every frame
    // is asked and only the one holding the selection answers.
    const message: ContentRequest = { type: 'explain-selection', text };
    reply = ((frameId === undefined
      ? await browser.tabs.sendMessage(tabId, message)
      : await browser.tabs.sendMessage(tabId, message, { frameId })) ?? null) as ExplainSelectionReply | null;
  } catch {
    reply = null; // no content script here (a browser page, the store, a PDF), or no frame holds a selection
  }
  const words = reply?.text || text || '';
  if (!reply?.found) await openLookup(words, tabId);
  return reply ?? { found: false, text: words };
}

/** Switches highlighting off for the tab's site, or back on. */
export async function toggleSite(url: string | undefined): Promise<boolean | null> {
  let host = '';
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return null;
  }
  if (!host) return null;
  const settings = await loadSettings();
  const blocked = settings.blockedSites.some((rule) => matchesSite(host, rule));
  const blockedSites = blocked ? settings.blockedSites.filter((rule) => !matchesSite(host, rule)) : [...settings.blockedSites, host.replace(/^www\./u, '')];
  await updateSettings({ blockedSites });
  return blocked; // true: now on again
}

export default defineBackground(() => {
  // Holds no state: every handler reads what it needs, so the worker may stop at any time.
  // Firefox for Android has neither context menus nor keyboard commands: there the page's cards
  // and the popup are the whole extension, and this script must not stop at the first missing API.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  const commands = browser.commands as typeof browser.commands | undefined;
  browser.runtime.onInstalled.addListener(() => {
    void menus?.removeAll().then(() => menus.create({ id: MENU_ID, title: 'Explain “%s”', contexts: ['selection'] }));
  });
  menus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void explainSelection(tab.id, info.selectionText, info.frameId);
  });
  commands?.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.id) return;
    if (command === 'explain-selection') await explainSelection(tab.id);
    else if (command === 'toggle-site') await toggleSite(tab.url);
  });
  // For the end-to-end tests, which exercise the context-menu path through the same function.
  (globalThis as { healthGlossary?: object }).healthGlossary = { explainSelection, toggleSite };
});
