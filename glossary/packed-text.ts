import packed from 'virtual:glossary-text';
import type { GlossaryEntry } from './schema';
import { unpack } from './gzip-text';

/** Marked on the page's timeline when the entries are unpacked (the e2e suite checks when that happens). */
export const ENTRIES_PARSED_MARK = 'health-glossary:entries-parsed';

let loading: Promise<readonly GlossaryEntry[]> | undefined;

/**
 * The bundled entries, for the content script, which ships them packed (see glossaryTextPlugin in
 * build-trie-plugin.ts). Unpacked by the browser's own gzip the first time they are needed: when
 * the reader points at a term, opens the popup's list of this page's terms, or asks to explain a
 * selection. Pages nobody points at never pay for it.
 */
export function loadPackedEntries(): Promise<readonly GlossaryEntry[]> {
  return (loading ??= unpack(packed).then((text) => {
    performance.mark(ENTRIES_PARSED_MARK);
    return JSON.parse(text) as GlossaryEntry[];
  }));
}
