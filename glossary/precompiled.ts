import trie from 'virtual:glossary-trie';
import { entryFlags, type EntryFlags } from './entry-flags';
import type { Glossary } from './glossary';
import { compileMatcher, matcherFromTrie, type CompiledMatcher } from './matcher';
import { combineMatchers } from './combined-matcher';
import type { GlossaryEntry } from './schema';
import { decodeBundledTrie, decodeFlags, TRIE_VERSION } from './trie-codec';

/** What a page needs to match and show a glossary's terms. */
export interface PreparedGlossary {
  flags: EntryFlags;
  /**
   * The matcher, made the first time it is asked for: a frame with no text (an advert, an empty
   * frame) never decodes or compiles one.
   */
  matcher(): CompiledMatcher;
}

/** Makes a matcher once, and shows how long it took in the browser's performance tools. */
function once(make: () => CompiledMatcher): () => CompiledMatcher {
  let matcher: CompiledMatcher | undefined;
  return () => {
    if (!matcher) {
      const t0 = performance.now();
      matcher = make();
      performance.measure('health-glossary:compile', { start: t0, end: performance.now() });
    }
    return matcher;
  };
}

let bundled: PreparedGlossary | null | undefined;

/**
 * The bundled glossary's flags and matcher, from the trie built at build time: decoding typed
 * arrays, with no entry parsed and nothing compiled. Null if the build made no trie.
 */
export function prepareBundled(): PreparedGlossary | null {
  if (bundled === undefined)
    bundled = trie?.v === TRIE_VERSION ? { flags: decodeFlags(trie), matcher: once(() => matcherFromTrie(decodeBundledTrie(trie)!)) } : null;
  return bundled;
}

/**
 * The bundled glossary with entries of the reader's own after it, numbered from the bundled
 * count on (see combined-matcher.ts): only the own entries are compiled here. `replaces(name)`
 * says whether an own term has that bundled entry's name. Null if the build made no trie.
 */
export function prepareBundledWith(own: readonly GlossaryEntry[], replaces: (bundledName: string) => boolean): PreparedGlossary | null {
  const base = prepareBundled();
  if (!base) return null;
  const ownFlags = entryFlags(own, () => true);
  const joined = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    flags: {
      category: joined(base.flags.category, ownFlags.category),
      ambiguous: joined(base.flags.ambiguous, ownFlags.ambiguous),
      custom: joined(base.flags.custom, ownFlags.custom),
    },
    matcher: once(() => combineMatchers(base.matcher(), compileMatcher(own), Uint8Array.from(trie.terms.split('\n').map((name: string) => (replaces(name) ? 1 : 0))))),
  };
}

/** Any glossary (the reader's own terms merged in): compiled here, once per glossary. */
export function prepareGlossary(glossary: Glossary, isCustom: (entry: { id: string }) => boolean): PreparedGlossary {
  let prepared = compiled.get(glossary);
  if (!prepared) {
    prepared = { flags: entryFlags(glossary.entries, isCustom), matcher: once(() => compileMatcher(glossary.entries)) };
    compiled.set(glossary, prepared);
  }
  return prepared;
}

const compiled = new WeakMap<Glossary, PreparedGlossary>();
