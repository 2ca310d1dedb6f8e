/**
 * Messages between the popup / background and the content scripts of a tab. One place for the
 * shapes, so both sides agree.
 *
 * A tab is made of frames (an article may sit in a frame, and a patient portal often puts its
 * pages in one), and every frame runs its own content script. So "explain the selection" goes to
 * the frame that holds the selection, and the popup talks to all frames at once over a port
 * (`browser.tabs.connect` without a frame id reaches every frame), without needing a permission to
 * list them.
 */
export interface PageTermSummary {
  id: string;
  term: string;
  /** Occurrences painted on the page. */
  count: number;
}

/** Sent with browser.tabs.sendMessage: to one frame when the browser says which, else to all. */
export type ContentRequest =
  /** Explain the reader's current selection (context menu, keyboard command). */
  { type: 'explain-selection'; text?: string };

/** The popup's port to every frame of a tab, asking for their terms (each frame reports at once). */
export const PAGE_PORT = 'health-glossary:page';
/** The popup's port to every frame of a tab, to show one term (only the addressed frame acts). */
export const SHOW_PORT = 'health-glossary:show';

/** Sent by each frame as soon as the popup connects. */
export interface FrameReport {
  type: 'frame-terms';
  /** A random name for this frame's content script, to address it over the shared port. */
  frame: string;
  top: boolean;
  /** How many frames this frame contains, so the popup knows how many reports to wait for. */
  childFrames: number;
  reply: PageTermsReply;
}

/** From the popup: scroll to an entry's first occurrence in that frame and open its card. */
export interface ShowTermRequest {
  type: 'show-term';
  frame: string;
  id: string;
}

/** The addressed frame's answer to a ShowTermRequest. */
export interface ShowTermResult extends ShowTermReply {
  type: 'shown';
  frame: string;
}

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
