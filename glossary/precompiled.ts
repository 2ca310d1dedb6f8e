import trie from 'virtual:glossary-trie';
import { entryFlags, type EntryFlags } from './entry-flags';
import type { Glossary } from './glossary';
import { compileMatcher, matcherFromTrie, type CompiledMatcher } from './matcher';
import { decodeBundledTrie, decodeFlags } from './trie-codec';

/** What a page needs to match and show a glossary's terms. */
export interface PreparedGlossary {
  matcher: CompiledMatcher;
  flags: EntryFlags;
}

let bundled: PreparedGlossary | null | undefined;

/**
 * The bundled glossary's matcher and flags, from the trie built at build time: decoding typed
 * arrays, with no entry parsed and nothing compiled. Null if the build made no trie.
 */
export function prepareBundled(): PreparedGlossary | null {
  if (bundled === undefined) {
    const data = decodeBundledTrie(trie);
    bundled = data && trie ? { matcher: matcherFromTrie(data), flags: decodeFlags(trie) } : null;
  }
  return bundled;
}

/** Any glossary (the reader's own terms merged in): compiled here, once per glossary. */
export function prepareGlossary(glossary: Glossary, isCustom: (entry: { id: string }) => boolean): PreparedGlossary {
  let prepared = compiled.get(glossary);
  if (!prepared) {
    prepared = { matcher: compileMatcher(glossary.entries), flags: entryFlags(glossary.entries, isCustom) };
    compiled.set(glossary, prepared);
  }
  return prepared;
}

const compiled = new WeakMap<Glossary, PreparedGlossary>();
