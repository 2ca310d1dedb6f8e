import { describe, expect, it } from 'vitest';
import { bundledEntries } from '../../glossary/bundled';
import { buildTrie, compileMatcher, matcherFromTrie } from '../../glossary/matcher';
import { fileURLToPath } from 'node:url';
import { glossaryTriePlugin } from '../../glossary/build-trie-plugin';
import { entryFlags } from '../../glossary/entry-flags';
import { decodeBundledTrie, decodeFlags, decodeTrie, encodeTrie, type EncodedTrie } from '../../glossary/trie-codec';

const ids = bundledEntries().map((e) => e.id);
const text =
  'Serotonin, SSRIs and the gut–brain axis: metformin for diabetes, sertraline (Zoloft), ' +
  "an SSRI's effect, CBT, acupuncture and serotonin's role in IBS.";

describe('the trie built at build time', () => {
  it('decodes to a matcher that finds exactly what a freshly compiled one finds', () => {
    const encoded = JSON.parse(JSON.stringify(encodeTrie(buildTrie(bundledEntries()), bundledEntries())));
    const decoded = decodeTrie(encoded, ids);
    expect(decoded).not.toBeNull();
    const shipped = matcherFromTrie(decoded!);
    const fresh = compileMatcher(bundledEntries());
    expect(shipped.match(text)).toEqual(fresh.match(text));
    expect(shipped.match(text).length).toBeGreaterThan(3);
    // Every form of every entry, as written, in capitals, plural and possessive: every pattern the
    // compact encoding renumbered must still mean its entry.
    const forms = bundledEntries().flatMap((e) => [e.term, ...e.variants]);
    const every = forms.flatMap((f) => [f, f.toUpperCase(), `${f}s`, `${f}'s`]).join('. ');
    expect(shipped.match(every)).toEqual(fresh.match(every));
  });

  it('is refused for any other list of entries, so a stale trie is never used', () => {
    const encoded = encodeTrie(buildTrie(bundledEntries()), bundledEntries());
    expect(decodeTrie(encoded, [...ids, 'my-own-term'])).toBeNull();
    expect(decodeTrie(encoded, ids.slice().reverse())).toBeNull();
    expect(decodeTrie(null, ids)).toBeNull();
  });

  it('is what the build ships for the bundled glossary, with each entry\'s kind and everyday-word flag', () => {
    const plugin = glossaryTriePlugin(fileURLToPath(new URL('../../glossary/data/', import.meta.url)));
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string;
    const source = load.call({ addWatchFile: () => {} }, '\0virtual:glossary-trie');
    const shipped = JSON.parse(source.replace(/^export default /u, '').replace(/;$/u, '')) as EncodedTrie;
    // The content script trusts it without reading the entries: it must be for exactly these, in this order.
    expect(decodeTrie(shipped, ids)).not.toBeNull();
    expect(decodeFlags(shipped)).toEqual(entryFlags(bundledEntries()));
    expect(matcherFromTrie(decodeBundledTrie(shipped)!).match(text)).toEqual(compileMatcher(bundledEntries()).match(text));
  });
});
