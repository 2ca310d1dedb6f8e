import { browser, type Browser } from 'wxt/browser';
import type { Glossary } from '../../glossary';
import { foldText } from '../../glossary/normalize';
import {
  PAGE_PORT,
  SHOW_PORT,
  type ContentRequest,
  type ExplainSelectionReply,
  type FrameReport,
  type PageTermSummary,
  type PageTermsReply,
  type ShowTermReply,
  type ShowTermRequest,
  type ShowTermResult,
} from '../../utils/messages';
import type { Engine } from './engine';
import { guardedLater } from '../../utils/guard';
import type { Interaction } from './interaction';

interface Deps {
  getEngine: () => Engine | undefined;
  getGlossary: () => Glossary;
  interaction: Interaction;
}

/** Answers the popup and background, in every frame of the tab (each frame has its own terms). */
export function listenForRequests(deps: Deps): () => void {
  // crypto.randomUUID is for secure pages only; a frame's name needs to be unique in its tab alone.
  const frame = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('-');
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = message as ContentRequest;
    if (request?.type !== 'explain-selection') return undefined;
    // Sent to every frame when the browser did not say which holds the selection: only that one answers.
    if (!holdsSelection()) return undefined;
    return explainSelection(deps, request.text);
  };
  // A popup closed meanwhile has disconnected its port: the answer has nobody left to read it.
  const answer = (port: Browser.runtime.Port, message: FrameReport | ShowTermResult) => {
    try {
      port.postMessage(message);
    } catch {
      /* the popup is gone */
    }
  };
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name === PAGE_PORT) {
      const childFrames = window.frames.length;
      guardedLater(pageTerms(deps).then((reply) => answer(port, { type: 'frame-terms', frame, top: window === window.top, childFrames, reply })));
      return;
    }
    if (port.name !== SHOW_PORT) return;
    port.onMessage.addListener((message: unknown) => {
      const request = message as ShowTermRequest;
      if (request?.type !== 'show-term' || request.frame !== frame) return;
      guardedLater(showTerm(deps, request.id).then((shown) => answer(port, { type: 'shown', frame, ...shown })));
    });
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.runtime.onConnect.addListener(onConnect);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.runtime.onConnect.removeListener(onConnect);
  };
}

/**
 * Whether the reader's selection is in this frame: it is not empty here, and the focus is not in
 * a frame inside this one (where a newer selection would be).
 */
function holdsSelection(): boolean {
  const active = document.activeElement;
  if (active && (active.localName === 'iframe' || active.localName === 'frame')) return false;
  return (window.getSelection()?.toString().trim() ?? '') !== '';
}

/** The engine, once its glossary's entries can be read: terms' names come with the explanations, unpacked when first needed. */
async function engineWithEntries(getEngine: Deps['getEngine']): Promise<Engine | undefined> {
  await getEngine()?.glossary.ready();
  const engine = getEngine();
  return engine?.glossary.loaded ? engine : undefined;
}

async function pageTerms({ getEngine }: Deps): Promise<PageTermsReply> {
  const engine = await engineWithEntries(getEngine);
  const terms: PageTermSummary[] = [];
  if (engine) {
    const byEntry = new Map<number, PageTermSummary>();
    for (const t of engine.termsInOrder()) {
      const existing = byEntry.get(t.entry);
      if (existing) existing.count++;
      else {
        const e = engine.glossary.entries[t.entry]!;
        const summary = { id: e.id, term: e.term, count: 1 };
        byEntry.set(t.entry, summary);
        terms.push(summary);
      }
    }
  }
  return { active: !!getEngine(), hostname: location.hostname, terms };
}

async function showTerm({ getEngine, interaction }: Deps, id: string): Promise<ShowTermReply> {
  const engine = await engineWithEntries(getEngine);
  const index = engine?.glossary.indexOf.get(id);
  if (!engine || index === undefined) return { shown: false };
  const term = engine.termsInOrder().find((t) => t.entry === index);
  if (!term) return { shown: false };
  term.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  interaction.show(term, { focus: true, pinned: true });
  return { shown: true };
}

async function explainSelection({ getGlossary, interaction }: Deps, text?: string): Promise<ExplainSelectionReply> {
  const selection = window.getSelection();
  const selected = (text ?? selection?.toString() ?? '').trim();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  const key = foldText(selected);
  const glossary = getGlossary();
  await glossary.ready();
  const entry = glossary.entries.find((e) => [e.term, ...e.variants].some((f) => foldText(f) === key));
  if (!entry || !range) return { found: false, text: selected };
  interaction.showAt(entry, () => range.getBoundingClientRect(), { focus: true });
  return { found: true, text: selected };
}
