/**
 * The reader's own terms: what one is, the checks it must pass, where it is stored, and how it
 * joins the bundled glossary. Import and export formats live in `term-files.ts`.
 */
import { storage } from 'wxt/utils/storage';
import type { GlossaryEntry } from '../glossary/schema';

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

const HAS_WORD = /[\p{L}\p{N}]/u;
// Control characters would be invisible in the card and break the CSV file; ";" separates
// variants in a spreadsheet cell.
const FORBIDDEN_IN_NAME = /[\p{Cc};]/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/u;

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();
export const nameKey = (s: string) => squash(s).toLocaleLowerCase('en');
export const today = () => new Date().toISOString().slice(0, 10);

function checkName(name: string, what: string): string | null {
  if (!name) return `${what} is empty.`;
  if (name.length > LIMITS.nameChars) return `${what} “${name.slice(0, 30)}…” is longer than ${LIMITS.nameChars} characters.`;
  if (!HAS_WORD.test(name)) return `${what} “${name}” has no letters or numbers.`;
  if (FORBIDDEN_IN_NAME.test(name)) return `${what} “${name}” contains a semicolon or an invisible control character.`;
  return null;
}

/** Why a link is refused, or null when it is an http(s) address. Other schemes could run code. */
export function checkLink(link: string): string | null {
  if (link.length > LIMITS.linkChars) return `The link is longer than ${LIMITS.linkChars} characters.`;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'The link is not a web address. It must start with https:// (or http://).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only web links starting with https:// or http:// are allowed.';
  return null;
}

export type TermCheck = { ok: true; fields: TermFields } | { ok: false; problems: string[] };

/**
 * Checks one term as typed in the form or read from a file, and tidies it (spaces, repeated names).
 * `variants` may be a list or text separated by commas or semicolons.
 */
export function checkTerm(input: { term?: unknown; variants?: unknown; explanation?: unknown; link?: unknown; added?: unknown }): TermCheck {
  const problems: string[] = [];
  const text = (v: unknown, what: string): string => {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    problems.push(`${what} must be text.`);
    return '';
  };
  const term = squash(text(input.term, 'The term'));
  const termProblem = checkName(term, 'The term');
  if (termProblem) problems.push(termProblem);

  let rawVariants: unknown[] = [];
  if (Array.isArray(input.variants)) rawVariants = input.variants;
  else if (typeof input.variants === 'string') rawVariants = input.variants.split(/[,;\n]/u);
  else if (input.variants !== undefined && input.variants !== null) problems.push('Other names must be a list or text separated by commas.');
  const variants: string[] = [];
  const seen = new Set([nameKey(term)]);
  for (const raw of rawVariants) {
    const name = squash(text(raw, 'Another name'));
    if (!name) continue;
    const problem = checkName(name, 'Another name');
    if (problem) problems.push(problem);
    else if (!seen.has(nameKey(name))) {
      seen.add(nameKey(name));
      variants.push(name);
    }
  }
  if (variants.length > LIMITS.variants) problems.push(`There are ${variants.length} other names; at most ${LIMITS.variants} are allowed.`);

  const explanation = text(input.explanation, 'The explanation').trim();
  if (!explanation) problems.push('The explanation is empty.');
  else if (explanation.length > LIMITS.explanationChars)
    problems.push(`The explanation has ${explanation.length} characters; at most ${LIMITS.explanationChars} are allowed.`);

  const link = text(input.link, 'The link').trim();
  const linkProblem = link ? checkLink(link) : null;
  if (linkProblem) problems.push(linkProblem);

  const addedText = text(input.added, 'The date added').trim();
  const added = DATE.test(addedText) ? addedText : undefined;

  if (problems.length) return { ok: false, problems };
  return { ok: true, fields: { term, variants, explanation, ...(link ? { link } : {}), ...(added ? { added } : {}) } };
}

/** Names (term and variants) of a term, compared without case. */
export const namesOf = (t: Pick<TermFields, 'term' | 'variants'>) => [t.term, ...t.variants].map(nameKey);

/**
 * Problems a term would cause beside the others: a name that already belongs to another of the
 * reader's terms would make the same word mean two things.
 */
export function clashes(fields: Pick<TermFields, 'term' | 'variants'>, others: readonly Pick<TermFields, 'term' | 'variants'>[]): string[] {
  const owner = new Map<string, string>();
  for (const other of others) for (const name of namesOf(other)) owner.set(name, other.term);
  const problems: string[] = [];
  for (const [i, name] of namesOf(fields).entries()) {
    const taken = owner.get(name);
    if (taken !== undefined) problems.push(`“${i === 0 ? fields.term : fields.variants[i - 1]}” is already a name of your term “${taken}”.`);
  }
  return problems;
}

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

/** Reads stored terms one by one: a damaged item costs only itself. */
export function readTerms(stored: unknown): TermsReading {
  if (stored === null || stored === undefined) return { terms: [], unreadable: [] };
  if (!Array.isArray(stored)) return { terms: [], unreadable: [stored] };
  const terms: CustomTerm[] = [];
  const unreadable: unknown[] = [];
  for (const item of stored) {
    const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : null;
    const check = record ? checkTerm(record) : null;
    if (!record || !check?.ok || clashes(check.fields, terms).length) {
      unreadable.push(item);
      continue;
    }
    const id = typeof record.id === 'string' && record.id ? record.id : newId();
    terms.push(makeTerm(check.fields, id));
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

/** Large data lives in local storage (sync storage has small quotas). */
export const customTermsItem = storage.defineItem<unknown>('local:customTerms', {
  fallback: [],
  version: 2,
  migrations: { 2: migrateTermsV1toV2 },
});

/** Damaged items found in storage, moved here so that saving the good ones never destroys them. */
export const unreadableTermsItem = storage.defineItem<unknown[]>('local:customTermsUnreadable', { fallback: [] });

export async function loadTerms(): Promise<TermsReading> {
  return readTerms(await customTermsItem.getValue());
}

/**
 * Saves the reader's terms. Damaged items still in storage are first set aside in their own key.
 * Errors (a full storage quota) are thrown for the page to show.
 */
export async function saveTerms(terms: readonly CustomTerm[]): Promise<void> {
  if (terms.length > LIMITS.terms) throw new Error(`You can keep up to ${LIMITS.terms} terms of your own.`);
  const { unreadable } = readTerms(await customTermsItem.getValue());
  if (unreadable.length) await unreadableTermsItem.setValue([...((await unreadableTermsItem.getValue()) ?? []), ...unreadable]);
  await customTermsItem.setValue(terms.map((t) => ({ ...t })));
}

export function watchTerms(onChange: (reading: TermsReading) => void): () => void {
  let stopped = false;
  void loadTerms().then(
    (r) => !stopped && onChange(r),
    () => !stopped && onChange({ terms: [], unreadable: [] }),
  );
  const unwatch = customTermsItem.watch((v) => onChange(readTerms(v)));
  return () => {
    stopped = true;
    unwatch();
  };
}

export function watchCustomTerms(onChange: (terms: CustomTerm[]) => void): () => void {
  return watchTerms((r) => onChange(r.terms));
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

/** Bundled entries plus the reader's own; a custom term wins over a bundled one with the same name. */
export function mergeGlossary(bundled: readonly GlossaryEntry[], custom: readonly CustomTerm[]): GlossaryEntry[] {
  if (custom.length === 0) return [...bundled];
  const own = custom.map(customToEntry);
  const names = new Set(own.flatMap((e) => namesOf(e)));
  // Own terms come first: where a name is shared, the matcher gives it to the first entry.
  const kept = bundled.filter((e) => !names.has(nameKey(e.term)));
  return [...own, ...kept];
}
