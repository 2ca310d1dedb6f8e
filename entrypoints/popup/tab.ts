import { browser } from 'wxt/browser';
import type { ContentRequest, PageTermsReply } from '../../utils/messages';

export interface ActiveTab {
  id: number;
  url: string;
  hostname: string;
}

/**
 * The tab the popup is about: the active tab of the window, or the one named by `?tab=ID` (when the
 * popup is opened as a page, as the end-to-end tests and the "explain" window do).
 */
export async function activeTab(): Promise<ActiveTab | null> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param)).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id || !tab.url) return null;
  let hostname = '';
  try {
    hostname = new URL(tab.url).hostname;
  } catch {
    /* not a URL we understand */
  }
  return { id: tab.id, url: tab.url, hostname };
}

/** Pages where browsers let no extension run: their own pages, the stores, PDFs and the like. */
export function isRestricted(url: string): boolean {
  if (!/^(https?|file):/u.test(url)) return true;
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  return host === 'chrome.google.com' || host === 'chromewebstore.google.com' || host === 'addons.mozilla.org' || /\.pdf(?:$|[?#])/iu.test(url);
}

export async function ask<T>(tabId: number, request: ContentRequest): Promise<T | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as T) ?? null;
  } catch {
    return null;
  }
}

export const pageTerms = (tabId: number) => ask<PageTermsReply>(tabId, { type: 'page-terms' });
