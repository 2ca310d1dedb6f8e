/**
 * The term matcher: a trie over folded character codes, stored in typed arrays, walked from each
 * word start. Leftmost-longest, on word boundaries of every script, case-sensitive where a form
 * asks for it, regular plurals and possessives without listing them.
 *
 * Walking from word starts only (instead of a full Aho-Corasick automaton) gives leftmost-longest
 * matches directly and touches each character about once: a walk stops as soon as the trie has no
 * edge, which for ordinary words is after one to three characters. Time grows with the text, not
 * with the number of forms (see `npm run bench`, scale50kVs1k).
 *
 * Pure: no DOM, no browser API, so it runs the same in the content script, the popup and Node.
 */
import {
  APOSTROPHE,
  SEPARATOR,
  SURROGATE,
  UNKNOWN,
  WORD,
  classifyCode,
  foldCode,
  foldText,
  getFoldTable,
  getWordTable,
  NOT_WORD,
  isWordCharAt,
  isWordCharBefore,
  isWordCodePoint,
} from './normalize';

/** The smallest description of a term the matcher needs (bundled or the reader's own). */
export interface MatchableEntry {
  term: string;
  variants: readonly string[];
  ambiguous?: boolean;
  caseSensitive?: boolean;
}

export interface Match {
  /** UTF-16 offset of the first character of the match. */
  start: number;
  /** UTF-16 offset just past the match. */
  end: number;
  /** Index of the matched entry in the list given to `compileMatcher`. */
  entry: number;
}

interface Pattern {
  entry: number;
  /** Exact text (separators normalised) that a case-sensitive form must equal; null otherwise. */
  exact: string | null;
  /** Next pattern sharing the same folded key (a case-sensitive form before its fallbacks). */
  next: number;
  /** Listed forms win over generated plural/possessive forms of another entry. */
  generated: boolean;
}

export interface CompiledMatcher {
  /** Finds every match in `text[from, to)`, leftmost-longest, in order. */
  match(text: string, from?: number, to?: number): Match[];
  /** Calls `onMatch` per match. */
  scan(text: string, from: number, to: number, onMatch: (start: number, end: number, entry: number) => void): void;
  /**
   * The content script's hot path: writes matches as (start, end, entry) triplets into `out` and
   * returns how many it found. When that is more than `out` holds, only the first ones are written:
   * grow the buffer and call again.
   */
  scanInto(text: string, from: number, to: number, out: Int32Array, outOffset?: number): number;
  readonly entryCount: number;
  readonly patternCount: number;
  readonly nodeCount: number;
}

/**
 * A form is matched with its exact capitals when it is a word of letters with two or more capitals
 * (IBS, AIDS, eGFR), so that acronyms do not light up ordinary words ("ibs", "aids"). Words with one
 * capital (Zoloft, Crohn's) and forms with digits, spaces or hyphens (COVID-19, A1C, long COVID),
 * which no ordinary word looks like, match in any case.
 */
export function isCaseSensitiveForm(form: string): boolean {
  const word = form.replace(/['\u2019]s$/u, '');
  if (!/^\p{L}+$/u.test(word)) return false;
  let capitals = 0;
  for (const ch of word) if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) capitals++;
  return capitals >= 2;
}

/** An inflection as an ending: optionally drop the form's last letter, then add `suffix`. */
interface Ending {
  dropLast: boolean;
  suffix: string;
}

/** Plural and possessive endings a reader meets without anyone listing them. */
function endings(form: string): Ending[] {
  const last = form.charAt(form.length - 1);
  if (!/\p{L}/u.test(last)) return [{ dropLast: false, suffix: "'s" }];
  // Acronyms: SSRIs, SSRI's, NSAIDs.
  if (last === last.toUpperCase() && last !== last.toLowerCase())
    return [
      { dropLast: false, suffix: 's' },
      { dropLast: false, suffix: "'s" },
    ];
  const lower = form.toLowerCase();
  const plural: Ending = /(?:s|x|z|ch|sh)$/u.test(lower)
    ? { dropLast: false, suffix: 'es' }
    : /[^aeiou]y$/u.test(lower)
      ? { dropLast: true, suffix: 'ies' }
      : { dropLast: false, suffix: 's' };
  return [plural, { dropLast: false, suffix: "'s" }, { dropLast: plural.dropLast, suffix: `${plural.suffix}'` }];
}

/** Plural and possessive forms a reader meets without anyone listing them. */
export function inflections(form: string): string[] {
  return endings(form).map((e) => (e.dropLast ? form.slice(0, -1) : form) + e.suffix);
}

/** Separator-normalised text used to compare a case-sensitive form with page text. */
function exactKey(text: string): string {
  let out = '';
  let lastSeparator = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f === SEPARATOR) {
      if (!lastSeparator) out += ' ';
      lastSeparator = true;
    } else {
      out += f === APOSTROPHE ? "'" : text.charAt(i);
      lastSeparator = false;
    }
  }
  return out;
}

/** Open-addressing hash of trie edges (node, char) → child, in typed arrays. */
class EdgeTable {
  mask: number;
  nodes: Int32Array;
  chars: Uint16Array;
  children: Int32Array;
  size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity <<= 1;
    this.mask = capacity - 1;
    this.nodes = new Int32Array(capacity).fill(-1);
    this.chars = new Uint16Array(capacity);
    this.children = new Int32Array(capacity);
  }

  static slot(node: number, char: number, mask: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(char, 0x85ebca77)) & mask;
  }

  get(node: number, char: number): number {
    const { nodes, chars, mask } = this;
    let s = EdgeTable.slot(node, char, mask);
    for (;;) {
      const n = nodes[s]!;
      if (n === -1) return -1;
      if (n === node && chars[s] === char) return this.children[s]!;
      s = (s + 1) & mask;
    }
  }

  set(node: number, char: number, child: number): void {
    let s = EdgeTable.slot(node, char, this.mask);
    while (this.nodes[s] !== -1) s = (s + 1) & this.mask;
    this.nodes[s] = node;
    this.chars[s] = char;
    this.children[s] = child;
    this.size++;
  }
}

/** Compiles entries into a matcher. ~1 ms per thousand forms; done once per page and settings change. */
/**
 * The trie as plain arrays: what `buildTrie` makes from entries (at build time for the bundled
 * glossary) and `matcherFromTrie` turns into a matcher (at page load: a few quick loops).
 */
export interface TrieData {
  entryCount: number;
  nodeCount: number;
  /**
   * Nodes are numbered breadth-first with each node's children consecutive and sorted by
   * character, so node n's children are the ids firstChild[n] .. firstChild[n + 1] - 1 and no
   * table has to be built at page load.
   */
  firstChild: Int32Array;
  /** The folded character on the edge into each node (unused for the root). */
  childChar: Uint16Array;
  /** First pattern accepted at each node, or -1. */
  accept: Int32Array;
  /** Per pattern: its entry, the next pattern at the same node (or -1), and whether it is a generated inflection. */
  patEntry: Int32Array;
  patNext: Int32Array;
  patGenerated: Uint8Array;
  /** Per pattern: the exact text a case-sensitive form must equal, or null. */
  patExact: (string | null)[];
}

/** Compiles entries into a matcher. */
export function compileMatcher(entries: readonly MatchableEntry[]): CompiledMatcher {
  return matcherFromTrie(buildTrie(entries));
}

/** Builds the trie of every form and inflection of the entries. */
export function buildTrie(entries: readonly MatchableEntry[]): TrieData {
  // An upper bound on trie nodes, so every table is allocated once: each form's characters plus
  // its endings (at most three, of at most four characters).
  let bound = 1;
  for (const entry of entries) {
    bound += entry.term.length + 12;
    for (const v of entry.variants) bound += v.length + 12;
  }
  const edges = new EdgeTable(bound);
  const accept = new Int32Array(bound).fill(-1);
  const patterns: Pattern[] = [];
  let nodeCount = 1;

  function child(node: number, code: number): number {
    let next = edges.get(node, code);
    if (next === -1) {
      next = nodeCount++;
      edges.set(node, code, next);
    }
    return next;
  }

  /**
   * Adds text[from, to) below `node`, folding as it goes (runs of separators are one separator, as
   * they are when scanning). Returns the node reached and the node before the last character.
   */
  function insert(node: number, text: string, from: number, to: number, separatorBefore: boolean): [number, number] {
    let previous = node;
    let lastSeparator = separatorBefore;
    for (let i = from; i < to; i++) {
      const f = foldCode(text.charCodeAt(i));
      if (f === SEPARATOR) {
        if (lastSeparator) continue;
        lastSeparator = true;
      } else lastSeparator = false;
      previous = node;
      node = child(node, f);
    }
    return [node, previous];
  }

  entries.forEach((entry, index) => {
    for (const raw of [entry.term, ...entry.variants]) {
      const form = raw.trim();
      if (!form) continue;
      const sensitive = entry.caseSensitive === true || isCaseSensitiveForm(form);
      const [end, beforeLast] = insert(0, form, 0, form.length, true);
      addPattern(end, { entry: index, exact: sensitive ? exactKey(form) : null, next: -1, generated: false });
      for (const ending of endings(form)) {
        const [node] = insert(ending.dropLast ? beforeLast : end, ending.suffix, 0, ending.suffix.length, false);
        const text = sensitive ? (ending.dropLast ? form.slice(0, -1) : form) + ending.suffix : null;
        addPattern(node, { entry: index, exact: text === null ? null : exactKey(text), next: -1, generated: true });
      }
    }
  });

  function rank(p: Pattern): number {
    return (p.exact !== null ? 0 : 2) + (p.generated ? 1 : 0);
  }

  function addPattern(node: number, pattern: Pattern): void {
    const id = patterns.length;
    patterns.push(pattern);
    const head = accept[node]!;
    if (head === -1) {
      accept[node] = id;
      return;
    }
    // Order at one key: exact (case-sensitive) forms first, then listed forms, then generated ones;
    // among equals the first entry written wins, so the same text always means the same entry.
    const r = rank(pattern);
    let prev = -1;
    let cur = head;
    while (cur !== -1 && rank(patterns[cur]!) <= r) {
      if (patterns[cur]!.entry === pattern.entry && patterns[cur]!.exact === pattern.exact) return;
      prev = cur;
      cur = patterns[cur]!.next;
    }
    pattern.next = cur;
    if (prev === -1) accept[node] = id;
    else patterns[prev]!.next = id;
  }

  // Renumber breadth-first, children sorted by character (see TrieData).
  const childCount = new Int32Array(nodeCount + 1);
  for (let slot = 0; slot < edges.nodes.length; slot++) if (edges.nodes[slot] !== -1) childCount[edges.nodes[slot]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) childCount[n + 1]! += childCount[n]!;
  const kids = new Int32Array(nodeCount);
  const fill = childCount.slice(0, nodeCount);
  for (let slot = 0; slot < edges.nodes.length; slot++) {
    const parent = edges.nodes[slot]!;
    if (parent !== -1) kids[fill[parent]!++] = slot;
  }
  const newId = new Int32Array(nodeCount);
  const order = new Int32Array(nodeCount);
  const childChar = new Uint16Array(nodeCount);
  const firstChild = new Int32Array(nodeCount + 1);
  let next = 1;
  for (let q = 0; q < nodeCount; q++) {
    const old = order[q]!;
    const slots = Array.from(kids.subarray(childCount[old]!, childCount[old + 1]!)).sort((a, b) => edges.chars[a]! - edges.chars[b]!);
    firstChild[q] = next;
    for (const slot of slots) {
      const child = edges.children[slot]!;
      newId[child] = next;
      order[next] = child;
      childChar[next] = edges.chars[slot]!;
      next++;
    }
  }
  firstChild[nodeCount] = next;
  const acceptById = new Int32Array(nodeCount);
  for (let q = 0; q < nodeCount; q++) acceptById[q] = accept[order[q]!]!;
  return {
    entryCount: entries.length,
    nodeCount,
    firstChild,
    childChar,
    accept: acceptById,
    patEntry: Int32Array.from(patterns, (p) => p.entry),
    patNext: Int32Array.from(patterns, (p) => p.next),
    patGenerated: Uint8Array.from(patterns, (p) => (p.generated ? 1 : 0)),
    patExact: patterns.map((p) => p.exact),
  };
}

/** A matcher over a built trie. */
export function matcherFromTrie(data: TrieData): CompiledMatcher {
  const { nodeCount, accept, patEntry, patNext, patExact, firstChild, childChar } = data;

  // Local copies: the hot loops must not reach through module bindings (getters once transpiled).
  const WORD_CLASS = WORD;
  const UNKNOWN_CLASS = UNKNOWN;
  const SURROGATE_CLASS = SURROGATE;
  const SEP = SEPARATOR;
  const fold = getFoldTable();
  const wordClass = getWordTable();
  // The root's children in a dense table: every walk starts there, so its first step is one read.
  // The second step is a dense table too, for ASCII: most walks end there.
  const rootChild = new Int32Array(0x10000).fill(-1);
  const secondIndex = new Int16Array(0x10000).fill(-1);
  const rootFrom = firstChild[0]!;
  const rootTo = firstChild[1]!;
  const secondChild = new Int32Array(Math.max(1, rootTo - rootFrom) * 128).fill(-1);
  for (let r = rootFrom; r < rootTo; r++) {
    const c = childChar[r]!;
    rootChild[c] = r;
    secondIndex[c] = r - rootFrom;
    for (let k = firstChild[r]!; k < firstChild[r + 1]!; k++)
      if (childChar[k]! < 128) secondChild[(r - rootFrom) * 128 + childChar[k]!] = k;
  }

  /** The child of `node` along folded character `char`, or -1 (children are sorted by character). */
  function childOf(node: number, char: number): number {
    let lo = firstChild[node]!;
    let hi = firstChild[node + 1]! - 1;
    // Most nodes have a handful of children: reading them in order beats halving.
    if (hi - lo < 8) {
      for (; lo <= hi; lo++) {
        const c = childChar[lo]!;
        if (c >= char) return c === char ? lo : -1;
      }
      return -1;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = childChar[mid]!;
      if (c === char) return mid;
      if (c < char) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The entry a trie node's patterns accept for text[start, end), or -1. */
  function resolve(node: number, text: string, start: number, end: number): number {
    for (let p = accept[node]!; p !== -1; p = patNext[p]!) {
      const exact = patExact[p];
      if (exact === null || exact === exactKey(text.slice(start, end))) return patEntry[p]!;
    }
    return -1;
  }

  /** Word class of the character at i: WORD, NOT_WORD (surrogate pairs resolved). */
  function classAt(text: string, i: number): number {
    const c = text.charCodeAt(i);
    const k = wordClass[c] || classifyCode(c);
    if (k !== SURROGATE) return k;
    // A low surrogate belongs to the code point its high surrogate starts; a lone one is no letter.
    if (c >= 0xdc00) {
      const high = i > 0 ? text.charCodeAt(i - 1) : 0;
      return high >= 0xd800 && high < 0xdc00 && isWordCodePoint(text.codePointAt(i - 1)!) ? WORD : NOT_WORD;
    }
    return isWordCharAt(text, i) ? WORD : NOT_WORD;
  }

  function scanInto(text: string, from: number, to: number, out: Int32Array, outOffset = 0): number {
    const capacity = out.length - outOffset;
    let found = 0;
    let i = from;
    // If `from` is inside a word, that word is not a start: skip its rest.
    if (i > 0 && i < to && isWordCharBefore(text, i)) while (i < to && classAt(text, i) === WORD_CLASS) i++;
    while (i < to) {
      // Skip characters that are not part of a word (tight loop: one read and one compare each).
      let c = text.charCodeAt(i);
      let k = wordClass[c]!;
      while (k !== WORD_CLASS) {
        if (k === UNKNOWN_CLASS || k === SURROGATE_CLASS) {
          k = k === UNKNOWN_CLASS ? classifyCode(c) : classAt(text, i);
          if (k === WORD_CLASS) break;
        }
        if (++i >= to) return found;
        c = text.charCodeAt(i);
        k = wordClass[c]!;
      }
      // i starts a word: walk the trie as far as the text allows.
      const first = fold[c] || foldCode(c);
      let node = rootChild[first]!;
      let bestEnd = -1;
      let bestEntry = -1;
      // Where the skip over this word may resume if no term starts here: the walk has already read
      // [i, resume) and found only word characters there.
      let resume = i + 1;
      if (node !== -1) {
        const second = secondIndex[first]! * 128;
        let j = i + 1;
        let lastSeparator = false;
        let inFirstWord = true;
        for (;;) {
          if (accept[node] !== -1 && !lastSeparator && (j >= to || classAt(text, j) !== WORD_CLASS)) {
            const entry = resolve(node, text, i, j);
            if (entry !== -1) {
              bestEnd = j;
              bestEntry = entry;
            }
          }
          if (j >= to) break;
          const cj = text.charCodeAt(j);
          if (inFirstWord) {
            if (wordClass[cj] === WORD_CLASS) resume = j + 1;
            else inFirstWord = false;
          }
          const f = fold[cj] || foldCode(cj);
          if (f === SEP) {
            if (lastSeparator) {
              j++;
              continue;
            }
            lastSeparator = true;
          } else lastSeparator = false;
          if (j === i + 1 && f < 128) node = secondChild[second + f]!;
          else {
            // Most nodes past the second step have one child (the tail of a long word).
            const lo = firstChild[node]!;
            const count = firstChild[node + 1]! - lo;
            node = count === 1 ? (childChar[lo] === f ? lo : -1) : count === 0 ? -1 : childOf(node, f);
          }
          if (node === -1) break;
          j++;
        }
      }
      if (bestEnd !== -1) {
        const at = found * 3 + outOffset;
        if (found * 3 + 3 <= capacity) {
          out[at] = i;
          out[at + 1] = bestEnd;
          out[at + 2] = bestEntry;
        }
        found++;
        i = bestEnd; // a match ends on a word boundary by construction
        continue;
      }
      // No term starts here: skip the rest of the word (what the walk read of it is known).
      i = resume;
      while (i < to) {
        c = text.charCodeAt(i);
        k = wordClass[c]!;
        if (k === WORD_CLASS) {
          i++;
          continue;
        }
        if (k === UNKNOWN_CLASS || k === SURROGATE_CLASS) {
          if ((k === UNKNOWN_CLASS ? classifyCode(c) : classAt(text, i)) === WORD_CLASS) {
            i++;
            continue;
          }
        }
        break;
      }
    }
    return found;
  }

  return matcherFromScanInto(scanInto, { entryCount: data.entryCount, patternCount: patEntry.length, nodeCount });
}

/** The matches of one `scanInto` call, in (start, end, entry) triplets, kept in a buffer that grows as needed. */
export class MatchBuffer {
  matches = new Int32Array(3 * 64);
  count = 0;

  read(scanInto: CompiledMatcher['scanInto'], text: string, from: number, to: number): void {
    this.count = scanInto(text, from, to, this.matches);
    if (this.count * 3 > this.matches.length) {
      this.matches = new Int32Array(this.count * 3 * 2);
      this.count = scanInto(text, from, to, this.matches);
    }
  }
}

/** A whole matcher from its hot path (`scan` and `match` are conveniences over `scanInto`). */
export function matcherFromScanInto(
  scanInto: CompiledMatcher['scanInto'],
  sizes: Pick<CompiledMatcher, 'entryCount' | 'patternCount' | 'nodeCount'>,
): CompiledMatcher {
  const buffer = new MatchBuffer();
  function scan(text: string, from: number, to: number, onMatch: (start: number, end: number, entry: number) => void): void {
    buffer.read(scanInto, text, from, to);
    const found = buffer.matches.slice(0, buffer.count * 3);
    for (let k = 0; k < found.length; k += 3) onMatch(found[k]!, found[k + 1]!, found[k + 2]!);
  }

  return {
    scan,
    scanInto,
    match(text, from = 0, to = text.length) {
      const out: Match[] = [];
      scan(text, from, to, (start, end, entry) => out.push({ start, end, entry }));
      return out;
    },
    ...sizes,
  };
}
