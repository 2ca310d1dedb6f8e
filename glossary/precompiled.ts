import trie from 'virtual:glossary-trie';
import type { Glossary } from './glossary';
import { compileMatcher, matcherFromTrie, type CompiledMatcher } from './matcher';
import { decodeTrie } from './trie-codec';

/**
 * The matcher for a glossary: the trie built at build time when the glossary is the bundled one
 * (checked by fingerprint), compiled here otherwise (the reader's own terms merged in).
 */
export function loadMatcher(glossary: Glossary): CompiledMatcher {
  let matcher = loaded.get(glossary);
  if (!matcher) {
    const data = decodeTrie(trie, glossary.entries.map((e) => e.id));
    matcher = data ? matcherFromTrie(data) : compileMatcher(glossary.entries);
    loaded.set(glossary, matcher);
  }
  return matcher;
}

const loaded = new WeakMap<Glossary, CompiledMatcher>();
