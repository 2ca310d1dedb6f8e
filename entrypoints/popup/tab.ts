import { browser, type Browser } from 'wxt/browser';
import {
  PAGE_PORT,
  SHOW_PORT,
  type FrameReport,
  type PageTermSummary,
  type PageTermsReply,
  type ShowTermRequest,
  type ShowTermResult,
} from '../../utils/messages';

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

/**
 * How long to wait for frames that have not reported yet, once the top frame has: a frame whose
 * page no extension may read (or that is still loading) never reports.
 */
const LATE_FRAME_MS = 400;
/** How long to wait when no frame answers at all (a browser that keeps such a port open). */
const NO_ANSWER_MS = 2_000;

/** The terms marked in every frame of the tab, merged; null if no frame could be read. */
export interface TabTerms extends PageTermsReply {
  /** For each term: the frame that holds its first occurrence (the top frame's when it has one). */
  frameOf: Map<string, string>;
}

/** One port to every frame of the tab (no frame id), or null if the tab cannot be reached. */
function connectToFrames(tabId: number, name: string): Browser.runtime.Port | null {
  try {
    return browser.tabs.connect(tabId, { name });
  } catch {
    return null;
  }
}

/** Asks every frame of the tab for its terms over one port, and merges the answers. */
export function pageTerms(tabId: number): Promise<TabTerms | null> {
  return new Promise((resolve) => {
    const reports: FrameReport[] = [];
    const port = connectToFrames(tabId, PAGE_PORT);
    if (!port) return resolve(null);
    const finish = () => {
      clearTimeout(timer);
      port.disconnect();
      resolve(mergeReports(reports));
    };
    let timer = setTimeout(finish, NO_ANSWER_MS);
    port.onDisconnect.addListener(() => {
      clearTimeout(timer);
      resolve(mergeReports(reports));
    });
    port.onMessage.addListener((message: unknown) => {
      const report = message as FrameReport;
      if (report?.type !== 'frame-terms') return;
      reports.push(report);
      clearTimeout(timer);
      if (allReported(reports)) finish();
      else timer = setTimeout(finish, LATE_FRAME_MS);
    });
  });
}

/**
 * Whether every frame has answered: each frame says how many frames it holds, so once the top
 * frame has answered, the count of frames to hear from is known (frames answer in any order).
 */
export function allReported(reports: readonly FrameReport[]): boolean {
  if (!reports.some((r) => r.top)) return false;
  return reports.length >= 1 + reports.reduce((sum, r) => sum + r.childFrames, 0);
}

/** The top frame's terms first, in reading order, then each frame's new ones; counts summed. */
export function mergeReports(reports: readonly FrameReport[]): TabTerms | null {
  if (reports.length === 0) return null;
  const ordered = [...reports].sort((a, b) => Number(b.top) - Number(a.top));
  const top = ordered[0]!;
  const terms: PageTermSummary[] = [];
  const byId = new Map<string, PageTermSummary>();
  const frameOf = new Map<string, string>();
  for (const report of ordered) {
    if (!report.reply.active) continue;
    for (const t of report.reply.terms) {
      const known = byId.get(t.id);
      if (known) known.count += t.count;
      else {
        const copy = { ...t };
        byId.set(t.id, copy);
        terms.push(copy);
        frameOf.set(t.id, report.frame);
      }
    }
  }
  return { active: top.reply.active || ordered.some((r) => r.reply.active), hostname: top.reply.hostname, terms, frameOf };
}

/** Scrolls to a term in the frame that holds it and opens its card there. */
export function showTerm(tabId: number, frame: string, id: string): Promise<boolean> {
  return new Promise((resolve) => {
    const port = connectToFrames(tabId, SHOW_PORT);
    if (!port) return resolve(false);
    const done = (shown: boolean) => {
      clearTimeout(timer);
      port.disconnect();
      resolve(shown);
    };
    const timer = setTimeout(() => done(false), NO_ANSWER_MS);
    port.onDisconnect.addListener(() => done(false));
    port.onMessage.addListener((message: unknown) => {
      const result = message as ShowTermResult;
      if (result?.type === 'shown' && result.frame === frame) done(result.shown);
    });
    const request: ShowTermRequest = { type: 'show-term', frame, id };
    port.postMessage(request);
  });
}
