/**
 * A Vite plugin: `import trie from 'virtual:glossary-trie'` gives the bundled glossary's trie,
 * built once at build time from glossary/data/*.json (same order as glossary/bundled.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildTrie } from './matcher';
import type { GlossaryEntry } from './schema';
import { encodeTrie } from './trie-codec';

const ID = 'virtual:glossary-trie';
const RESOLVED = `\0${ID}`;

export function glossaryTriePlugin(dataDir: string): Plugin {
  return {
    name: 'health-glossary-trie',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // Sorted like the keys of import.meta.glob('./data/*.json') in glossary/bundled.ts.
      const files = readdirSync(dataDir)
        .filter((f) => f.endsWith('.json'))
        .sort();
      const entries: GlossaryEntry[] = [];
      for (const file of files) {
        this.addWatchFile(join(dataDir, file));
        entries.push(...(JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as GlossaryEntry[]));
      }
      const encoded = encodeTrie(buildTrie(entries), entries.map((e) => e.id));
      return `export default ${JSON.stringify(encoded)};`;
    },
  };
}
