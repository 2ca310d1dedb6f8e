import { browser } from 'wxt/browser';
import type { Glossary } from '../../glossary';
import { foldText } from '../../glossary/normalize';
import type {
  ContentRequest,
  ExplainSelectionReply,
  PageTermSummary,
  PageTermsReply,
  ShowTermReply,
} from '../../utils/messages';
import type { Engine } from './engine';
import type { Interaction } from './interaction';

interface Deps {
  getEngine: () => Engine | undefined;
  getGlossary: () => Glossary;
  interaction: Interaction;
}

/** Answers the popup and background. Only the top frame answers, so a tab replies once. */
export function listenForRequests(deps: Deps): () => void {
  if (window !== window.top) return () => {};
  const listener = (message: unknown): Promise<unknown> | undefined => {
    const request = message as ContentRequest;
    switch (request?.type) {
      case 'page-terms':
        return Promise.resolve(pageTerms(deps));
      case 'show-term':
        return Promise.resolve(showTerm(deps, request.id));
      case 'explain-selection':
        return Promise.resolve(explainSelection(deps, request.text));
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

function pageTerms({ getEngine }: Deps): PageTermsReply {
  const engine = getEngine();
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
  return { active: !!engine, hostname: location.hostname, terms };
}

function showTerm({ getEngine, interaction }: Deps, id: string): ShowTermReply {
  const engine = getEngine();
  const index = engine?.glossary.indexOf.get(id);
  if (!engine || index === undefined) return { shown: false };
  const term = engine.termsInOrder().find((t) => t.entry === index);
  if (!term) return { shown: false };
  term.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  interaction.show(term, { focus: true, pinned: true });
  return { shown: true };
}

function explainSelection({ getGlossary, interaction }: Deps, text?: string): ExplainSelectionReply {
  const selection = window.getSelection();
  const selected = (text ?? selection?.toString() ?? '').trim();
  const key = foldText(selected);
  const glossary = getGlossary();
  const entry = glossary.entries.find((e) => [e.term, ...e.variants].some((f) => foldText(f) === key));
  if (!entry || !selection || selection.rangeCount === 0) return { found: false, text: selected };
  const range = selection.getRangeAt(0).cloneRange();
  interaction.showAt(entry, () => range.getBoundingClientRect(), { focus: true });
  return { found: true, text: selected };
}
