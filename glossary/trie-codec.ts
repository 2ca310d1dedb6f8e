/**
 * The bundled glossary's trie, built at build time and shipped as text, so a page load only
 * decodes arrays instead of compiling thousands of forms (which cost ~90 ms cold in a content
 * script). The reader's own terms still compile at run time.
 */
import { entryFlags, type EntryFlags } from './entry-flags';
import type { TrieData } from './matcher';
import type { GlossaryEntry } from './schema';

/**
 * Plain typed arrays, base64: a page decodes them natively in about 2 ms. A compact encoding
 * (one byte per node, arrays rebuilt by loops) was tried: a third of the size, but those loops
 * run in a fresh content-script context on every page, mostly unoptimized, and took 6–11 ms.
 */
/** The layout version; a trie of another version is not used. */
export const TRIE_VERSION = 4;

export interface EncodedTrie {
  v: typeof TRIE_VERSION;
  /** Fingerprint of the entry ids, in order: the trie is only valid for that exact list. */
  ids: string;
  entryCount: number;
  nodeCount: number;
  firstChild: string;
  childChar: string;
  accept: string;
  patEntry: string;
  patNext: string;
  patGenerated: string;
  /** Case-sensitive patterns only: [pattern index, exact text]. */
  exact: [number, string][];
  /** Per entry: its category's index and whether it is an everyday word (see EntryFlags). */
  category: string;
  ambiguous: string;
  /** Each entry's name, one per line: where a reader's own term has the same name, it replaces it. */
  terms: string;
}

/** A short fingerprint of the ids (FNV-1a), so a stale trie is never used with other entries. */
export function idsFingerprint(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return `${ids.length}:${(h >>> 0).toString(16)}`;
}

function toBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): ArrayBuffer {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text).buffer as ArrayBuffer;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function encodeTrie(data: TrieData, entries: readonly Pick<GlossaryEntry, 'id' | 'term' | 'category' | 'ambiguous'>[]): EncodedTrie {
  const exact: [number, string][] = [];
  data.patExact.forEach((e, i) => e !== null && exact.push([i, e]));
  const flags = entryFlags(entries);
  return {
    v: TRIE_VERSION,
    ids: idsFingerprint(entries.map((e) => e.id)),
    entryCount: data.entryCount,
    nodeCount: data.nodeCount,
    firstChild: toBase64(data.firstChild),
    childChar: toBase64(data.childChar),
    accept: toBase64(data.accept),
    patEntry: toBase64(data.patEntry),
    patNext: toBase64(data.patNext),
    patGenerated: toBase64(data.patGenerated),
    exact,
    category: toBase64(flags.category),
    ambiguous: toBase64(flags.ambiguous),
    terms: entries.map((e) => e.term).join('\n'),
  };
}

/** The trie, if it was built for exactly these ids; null otherwise (then compile at run time). */
export function decodeTrie(encoded: EncodedTrie | null | undefined, ids: readonly string[]): TrieData | null {
  if (!encoded || encoded.ids !== idsFingerprint(ids)) return null;
  return decodeBundledTrie(encoded);
}

/**
 * The trie the build made from the bundled data files, trusted without reading the entries (the
 * same build bundles both, in the same order; a unit test holds the plugin to it), or null if the
 * build made none.
 */
export function decodeBundledTrie(encoded: EncodedTrie | null | undefined): TrieData | null {
  if (encoded?.v !== TRIE_VERSION) return null;
  const patEntry = new Int32Array(fromBase64(encoded.patEntry));
  const patExact: (string | null)[] = new Array<string | null>(patEntry.length).fill(null);
  for (const [i, text] of encoded.exact) patExact[i] = text;
  return {
    entryCount: encoded.entryCount,
    nodeCount: encoded.nodeCount,
    firstChild: new Int32Array(fromBase64(encoded.firstChild)),
    childChar: new Uint16Array(fromBase64(encoded.childChar)),
    accept: new Int32Array(fromBase64(encoded.accept)),
    patEntry,
    patNext: new Int32Array(fromBase64(encoded.patNext)),
    patGenerated: new Uint8Array(fromBase64(encoded.patGenerated)),
    patExact,
  };
}

/** The per-entry flags the build stored beside the trie. */
export function decodeFlags(encoded: EncodedTrie): EntryFlags {
  const category = new Uint8Array(fromBase64(encoded.category));
  return { category, ambiguous: new Uint8Array(fromBase64(encoded.ambiguous)), custom: new Uint8Array(category.length) };
}
