import { CATEGORY_IDS } from './categories';
import type { GlossaryEntry } from './schema';

/**
 * What the page engine needs to know of each entry to decide what to show: its kind of word,
 * whether it is an everyday word, and whether the reader wrote it. Small typed arrays, so a page
 * can be matched and painted before any entry's text is parsed (that waits for the first card).
 */
export interface EntryFlags {
  /** Index of each entry's category in CATEGORY_IDS. */
  category: Uint8Array;
  ambiguous: Uint8Array;
  custom: Uint8Array;
}

export function entryFlags(
  entries: readonly Pick<GlossaryEntry, 'id' | 'category' | 'ambiguous'>[],
  isCustom: (entry: Pick<GlossaryEntry, 'id'>) => boolean = () => false,
): EntryFlags {
  const index = new Map<string, number>(CATEGORY_IDS.map((c, i) => [c, i]));
  return {
    category: Uint8Array.from(entries, (e) => index.get(e.category) ?? 0),
    ambiguous: Uint8Array.from(entries, (e) => (e.ambiguous ? 1 : 0)),
    custom: Uint8Array.from(entries, (e) => (isCustom(e) ? 1 : 0)),
  };
}
