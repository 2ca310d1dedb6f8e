/**
 * A Vite plugin: `import trie from 'virtual:glossary-trie'` gives the bundled glossary's trie,
 * built once at build time from glossary/data/*.json (same order as glossary/bundled.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
      const encoded = encodeTrie(buildTrie(entries), entries);
      return `export default ${JSON.stringify(encoded)};`;
    },
  };
}

/**
 * A Vite plugin: the data files that glossary/bundled.ts imports as text ship without the
 * indentation they are written with, so every page loads a smaller script.
 */
export function glossaryDataPlugin(dataDir: string): Plugin {
  const inData = (file: string) => resolve(file).startsWith(resolve(dataDir));
  return {
    name: 'health-glossary-data',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'raw' || !file!.endsWith('.json') || !inData(file!)) return undefined;
      this.addWatchFile(file!);
      // Letters beyond ASCII (é, –, ’) written as \u escapes: an all-ASCII text is held by the
      // browser in one byte per character instead of two, in every frame that loads the script.
      // Apostrophes are escaped too, so the minifier writes this text as a '…' string: it would
      // pick a `…` template literal otherwise, which V8 parses about three times slower (measured:
      // 2 MB of explanations cost ~14 ms more per new renderer process, that is per site visited).
      const json = JSON.stringify(JSON.parse(readFileSync(file!, 'utf8'))).replace(
        /[\u0080-\uffff']/gu,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      return `export default ${JSON.stringify(json)};`;
    },
  };
}
