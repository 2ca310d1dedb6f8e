declare module 'virtual:glossary-trie' {
  import type { EncodedTrie } from '../glossary/trie-codec';
  const trie: EncodedTrie;
  export default trie;
}
