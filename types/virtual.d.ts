declare module 'virtual:glossary-trie' {
  import type { EncodedTrie } from '../glossary/trie-codec';
  const trie: EncodedTrie;
  export default trie;
}

declare module 'virtual:glossary-text' {
  /** Every bundled entry as one JSON array, gzipped, in base64 (glossary/packed-text.ts unpacks it). */
  const packed: string;
  export default packed;
}
