import { describe, expect, it } from 'vitest';
import { BUNDLED_ENTRIES } from '../../glossary/bundled';
import { buildTrie, compileMatcher, matcherFromTrie } from '../../glossary/matcher';
import { decodeTrie, encodeTrie } from '../../glossary/trie-codec';

const ids = BUNDLED_ENTRIES.map((e) => e.id);
const text =
  'Serotonin, SSRIs and the gut–brain axis: metformin for diabetes, sertraline (Zoloft), ' +
  "an SSRI's effect, CBT, acupuncture and serotonin's role in IBS.";

describe('the trie built at build time', () => {
  it('decodes to a matcher that finds exactly what a freshly compiled one finds', () => {
    const encoded = JSON.parse(JSON.stringify(encodeTrie(buildTrie(BUNDLED_ENTRIES), ids)));
    const decoded = decodeTrie(encoded, ids);
    expect(decoded).not.toBeNull();
    const shipped = matcherFromTrie(decoded!);
    const fresh = compileMatcher(BUNDLED_ENTRIES);
    expect(shipped.match(text)).toEqual(fresh.match(text));
    expect(shipped.match(text).length).toBeGreaterThan(3);
  });

  it('is refused for any other list of entries, so a stale trie is never used', () => {
    const encoded = encodeTrie(buildTrie(BUNDLED_ENTRIES), ids);
    expect(decodeTrie(encoded, [...ids, 'my-own-term'])).toBeNull();
    expect(decodeTrie(encoded, ids.slice().reverse())).toBeNull();
    expect(decodeTrie(null, ids)).toBeNull();
  });
});
