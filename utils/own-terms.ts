/**
 * The reader's own terms: what one is, how a stored one is read, and how it joins the bundled
 * glossary. Pure, so pages can use it without the storage library; storage is in
 * `custom-terms.ts`, the full rules for new terms in `term-rules.ts`, files in `term-files.ts`.
 */
import type { GlossaryEntry } from '../glossary/schema';
import { HAS_WORD } from '../glossary/normalize';

export interface CustomTerm {
  id: string;
  term: string;
  /** Other names, abbreviations and spellings that should also be marked. */
  variants: string[];
  explanation: string;
  /** Optional http(s) link to where the reader learned about it. */
  link?: string;
  /** When the reader added it (YYYY-MM-DD), shown on its card. */
  added: string;
}

/** What a reader types or imports; the rest (id, date) is ours. */
export type TermFields = Pick<CustomTerm, 'term' | 'variants' | 'explanation' | 'link'> & { added?: string };

/** Stated in options and enforced everywhere a term comes in. */
export const LIMITS = Object.freeze({ terms: 500, nameChars: 80, variants: 20, explanationChars: 600, linkChars: 2000 });

/** A name must hold at least one letter or digit, of any script (the rule the page engine uses too). */
export { HAS_WORD };
export const STORED_DATE = /^\d{4}-\d{2}-\d{2}$/u;
export const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();
export const nameKey = (s: string) => squash(s).toLocaleLowerCase('en');
export const today = () => new Date().toISOString().slice(0, 10);

/** What is wrong with a link, if anything. Schemes other than http(s) could run code. */
function linkProblem(link: string): 'long' | 'not-web-address' | 'scheme' | null {
  if (link.length > LIMITS.linkChars) return 'long';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'not-web-address';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'scheme';
}

/** Why a link is refused, in words for the reader, or null when it is an http(s) address. */
export function checkLink(link: string): string | null {
  const problem = linkProblem(link);
  if (problem === 'long') return `The link is longer than ${LIMITS.linkChars} characters.`;
  if (problem === 'not-web-address') return 'The link is not a web address. It must start with https:// (or http://).';
  if (problem === 'scheme') return 'Only web links starting with https:// or http:// are allowed.';
  return null;
}

/** Names (term and variants) of a term, compared without case. */
export const namesOf = (t: Pick<TermFields, 'term' | 'variants'>) => [t.term, ...t.variants].map(nameKey);

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function makeTerm(fields: TermFields, id = newId()): CustomTerm {
  return { id, term: fields.term, variants: [...fields.variants], explanation: fields.explanation, ...(fields.link ? { link: fields.link } : {}), added: fields.added ?? today() };
}

export interface TermsReading {
  terms: CustomTerm[];
  /** Stored items that are not terms any more (damaged storage), kept aside, never dropped silently. */
  unreadable: unknown[];
}

/**
 * Whether a stored item can be shown as a term. The full rules (`term-rules.ts`) are applied when a
 * term is saved or imported; here, on every page, only what rendering needs is checked: text where
 * text belongs, and no link but http(s).
 */
function isShowable(item: unknown): item is CustomTerm {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const t = item as Record<string, unknown>;
  return (
    typeof t.id === 'string' &&
    typeof t.term === 'string' &&
    HAS_WORD.test(t.term) &&
    Array.isArray(t.variants) &&
    t.variants.every((v) => typeof v === 'string' && v.trim() !== '') &&
    typeof t.explanation === 'string' &&
    t.explanation.trim() !== '' &&
    (t.link === undefined || (typeof t.link === 'string' && linkProblem(t.link) === null)) &&
    typeof t.added === 'string' &&
    STORED_DATE.test(t.added)
  );
}

/** Reads stored terms one by one: a damaged item costs only itself. */
export function readTerms(stored: unknown): TermsReading {
  if (stored === null || stored === undefined) return { terms: [], unreadable: [] };
  if (!Array.isArray(stored)) return { terms: [], unreadable: [stored] };
  const terms: CustomTerm[] = [];
  const unreadable: unknown[] = [];
  const taken = new Set<string>();
  for (const item of stored) {
    // A name given twice would mean two things: the second is set aside like any damaged item.
    if (!isShowable(item) || namesOf(item).some((n) => taken.has(n))) {
      unreadable.push(item);
      continue;
    }
    namesOf(item).forEach((n) => taken.add(n));
    terms.push({ id: item.id, term: item.term, variants: [...item.variants], explanation: item.explanation, ...(item.link ? { link: item.link } : {}), added: item.added });
  }
  return { terms, unreadable };
}

/** Version 2 records when each term was added; terms from version 1 get the day of the update. */
export function migrateTermsV1toV2(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return old.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item) && typeof (item as { added?: unknown }).added !== 'string'
      ? { ...(item as object), added: today() }
      : item,
  );
}

export const CUSTOM_ID_PREFIX = 'custom-';

export const isCustomEntry = (entry: Pick<GlossaryEntry, 'id'>) => entry.id.startsWith(CUSTOM_ID_PREFIX);

/** A custom term as a glossary entry, so cards, search and matching treat it like a bundled one. */
export function customToEntry(custom: CustomTerm): GlossaryEntry {
  return {
    id: `${CUSTOM_ID_PREFIX}${custom.id}`,
    term: custom.term,
    variants: custom.variants,
    // Shown in every category: switching a category off never hides what the reader wrote.
    category: 'conditions',
    short: custom.explanation,
    long: '',
    related: [],
    sources: custom.link ? [{ title: 'Your link', url: custom.link }] : [],
    reviewed: custom.added,
  };
}

/** Whether a bundled entry's name is one of the reader's own terms' names: that entry is replaced, left out. */
export function replacedBy(own: readonly GlossaryEntry[]): (bundledTerm: string) => boolean {
  const names = new Set(own.flatMap((e) => namesOf(e)));
  return (bundledTerm) => names.has(nameKey(bundledTerm));
}

/** Bundled entries plus the reader's own; a custom term wins over a bundled one with the same name. */
export function mergeGlossary(bundled: readonly GlossaryEntry[], custom: readonly CustomTerm[]): GlossaryEntry[] {
  if (custom.length === 0) return [...bundled];
  const own = custom.map(customToEntry);
  const replaced = replacedBy(own);
  // Own terms come first: where a name is shared, the matcher gives it to the first entry.
  const kept = bundled.filter((e) => !replaced(e.term));
  return [...own, ...kept];
}
