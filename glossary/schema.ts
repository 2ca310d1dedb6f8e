import * as v from 'valibot';

import { CATEGORY_IDS } from './categories';
export { CATEGORIES, CATEGORY_IDS, type CategoryId } from './categories';

/**
 * Where a source may point. Explanations are only as trustworthy as their source, so every entry
 * must cite at least one public-health or government page from this list (subdomains included).
 */
export const AUTHORITATIVE_DOMAINS = [
  'medlineplus.gov',
  'nih.gov',
  'cdc.gov',
  'nhs.uk',
  'cancer.gov',
  'who.int',
  'fda.gov',
  'genome.gov',
  'womenshealth.gov',
  'health.gov',
  'clinicaltrials.gov',
  'mentalhealth.gov',
  'nia.nih.gov',
] as const;

export const LIMITS = {
  shortWords: 25,
  longWords: 120,
  /** Longest single form a reader can add or the bundle may hold; longer is surely a mistake. */
  formChars: 80,
} as const;

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function isAuthoritativeUrl(url: string): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return false;
    host = parsed.hostname;
  } catch {
    return false;
  }
  return AUTHORITATIVE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty());
const form = v.pipe(nonEmpty, v.maxLength(LIMITS.formChars));

export const SourceSchema = v.object({
  title: nonEmpty,
  url: v.pipe(v.string(), v.url(), v.startsWith('https://')),
});

export const EntrySchema = v.object({
  /** Stable, kebab-case, unique across the whole glossary. */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'id must be kebab-case')),
  /** The name shown as the card's heading. */
  term: form,
  /** Other names matched on pages: synonyms, abbreviations, lay names, British spellings,
   *  irregular plurals. Regular plurals and possessives are matched without listing them. */
  variants: v.array(form),
  category: v.picklist(CATEGORY_IDS),
  /** A simple respelling with the stressed syllable in capitals, e.g. "sair-uh-TOH-nin". */
  pronunciation: v.optional(nonEmpty),
  short: v.pipe(
    nonEmpty,
    v.check((s) => wordCount(s) <= LIMITS.shortWords, `short must be at most ${LIMITS.shortWords} words`),
  ),
  long: v.pipe(
    nonEmpty,
    v.check((s) => wordCount(s) <= LIMITS.longWords, `long must be at most ${LIMITS.longWords} words`),
  ),
  related: v.array(v.string()),
  sources: v.pipe(
    v.array(SourceSchema),
    v.minLength(1),
    v.check(
      (list) => list.some((s) => isAuthoritativeUrl(s.url)),
      'at least one source must be on an authoritative domain',
    ),
  ),
  /** ISO date the entry was last checked against its sources. */
  reviewed: v.pipe(v.string(), v.isoDate()),
  /** An everyday word with a non-medical meaning (cold, cell, pressure): highlighted only on pages
   *  that are clearly about health. */
  ambiguous: v.optional(v.boolean()),
  /** Match every form with its exact capitals. Forms with two or more capitals (IBS, eGFR) are
   *  case-sensitive anyway; this flag is for the rest. */
  caseSensitive: v.optional(v.boolean()),
});

export type GlossaryEntry = v.InferOutput<typeof EntrySchema>;
export const GlossaryFileSchema = v.array(EntrySchema);
