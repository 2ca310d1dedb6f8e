/**
 * Messages between the popup / background and the content script of a tab. One place for the
 * shapes, so both sides agree. Sent with browser.tabs.sendMessage(tabId, message) to the top frame
 * (frameId 0); the content script answers with the matching reply.
 */
export interface PageTermSummary {
  id: string;
  term: string;
  /** Occurrences painted on the page. */
  count: number;
}

export type ContentRequest =
  /** What is highlighted on this page, in reading order of first occurrence. */
  | { type: 'page-terms' }
  /** Scroll to the first occurrence of an entry and open its card (pinned, focused). */
  | { type: 'show-term'; id: string }
  /** Explain the reader's current selection (context menu, keyboard command). */
  | { type: 'explain-selection'; text?: string };

export interface PageTermsReply {
  /** Highlighting is running on this page (false when switched off, or off for this site). */
  active: boolean;
  hostname: string;
  terms: PageTermSummary[];
}

export interface ShowTermReply {
  shown: boolean;
}

export interface ExplainSelectionReply {
  /** The selection named a glossary entry, and its card is open at the selection. */
  found: boolean;
  text: string;
}
