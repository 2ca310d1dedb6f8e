/**
 * The bundled glossary's matcher (built at build time) and a small one for the reader's own
 * terms, answering as one. Compiling all 35,000 bundled forms again whenever a reader has a term
 * of their own took 75–155 ms in one task on every page load; the own terms alone compile in well
 * under a millisecond.
 *
 * Entry numbers: the bundled entries keep theirs (0 … n-1), the own terms follow (n …). As in
 * `mergeGlossary`, an own term wins over a bundled entry whose name is the same: that entry is
 * left out, and where both match the same text the own term is chosen.
 */
import { MatchBuffer, matcherFromScanInto, type CompiledMatcher } from './matcher';

type Scanner = Pick<CompiledMatcher, 'scanInto' | 'entryCount' | 'patternCount' | 'nodeCount'>;

/**
 * One matcher over both. `leftOut[e]` is 1 for a bundled entry an own term replaces. Matches stay
 * leftmost-longest across both lists; on the very same text the own term wins.
 */
export function combineMatchers(bundled: Scanner, own: Scanner, leftOut: Uint8Array): CompiledMatcher {
  const offset = bundled.entryCount;
  const a = new MatchBuffer();
  const b = new MatchBuffer();

  function scanInto(text: string, from: number, to: number, out: Int32Array, outOffset = 0): number {
    a.read(bundled.scanInto, text, from, to);
    b.read(own.scanInto, text, from, to);
    const capacity = out.length - outOffset;
    let found = 0;
    let i = 0;
    let j = 0;
    let lastEnd = from;
    for (;;) {
      // The next usable match of each list: not left out, not inside what was already chosen.
      while (i < a.count && (leftOut[a.matches[i * 3 + 2]!] === 1 || a.matches[i * 3]! < lastEnd)) i++;
      while (j < b.count && b.matches[j * 3]! < lastEnd) j++;
      if (i >= a.count && j >= b.count) return found;
      let start: number;
      let end: number;
      let entry: number;
      const ownFirst =
        j < b.count && (i >= a.count || b.matches[j * 3]! < a.matches[i * 3]! || (b.matches[j * 3] === a.matches[i * 3] && b.matches[j * 3 + 1]! >= a.matches[i * 3 + 1]!));
      if (ownFirst) {
        start = b.matches[j * 3]!;
        end = b.matches[j * 3 + 1]!;
        entry = b.matches[j * 3 + 2]! + offset;
        j++;
      } else {
        start = a.matches[i * 3]!;
        end = a.matches[i * 3 + 1]!;
        entry = a.matches[i * 3 + 2]!;
        i++;
      }
      if (found * 3 + 3 <= capacity) {
        const at = outOffset + found * 3;
        out[at] = start;
        out[at + 1] = end;
        out[at + 2] = entry;
      }
      found++;
      lastEnd = end;
    }
  }

  return matcherFromScanInto(scanInto, {
    entryCount: offset + own.entryCount,
    patternCount: bundled.patternCount + own.patternCount,
    nodeCount: bundled.nodeCount + own.nodeCount,
  });
}
