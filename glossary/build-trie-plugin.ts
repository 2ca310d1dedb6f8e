/**
 * A Vite plugin: `import trie from 'virtual:glossary-trie'` gives the bundled glossary's trie,
 * built once at build time from glossary/data/*.json (same order as glossary/bundled.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { buildTrie } from './matcher';
import type { GlossaryEntry } from './schema';
import { encodeTrie } from './trie-codec';

const TRIE_ID = 'virtual:glossary-trie';
const TEXT_ID = 'virtual:glossary-text';

/** Every entry of the data files, in the order of glossary/bundled.ts (files sorted by name). */
function readEntries(dataDir: string, watch: (file: string) => void): GlossaryEntry[] {
  const files = readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries: GlossaryEntry[] = [];
  for (const file of files) {
    watch(join(dataDir, file));
    entries.push(...(JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as GlossaryEntry[]));
  }
  return entries;
}

/** A virtual module whose default export is made at build time from the data files (as JSON). */
function virtualModule(name: string, id: string, make: (entries: GlossaryEntry[]) => unknown, dataDir: string): Plugin {
  const resolved = `\0${id}`;
  return {
    name,
    resolveId: (requested) => (requested === id ? resolved : undefined),
    load(requested) {
      if (requested !== resolved) return undefined;
      return `export default ${JSON.stringify(make(readEntries(dataDir, (file) => this.addWatchFile(file))))};`;
    },
  };
}

export function glossaryTriePlugin(dataDir: string): Plugin {
  return virtualModule('health-glossary-trie', TRIE_ID, (entries) => encodeTrie(buildTrie(entries), entries), dataDir);
}

/**
 * A Vite plugin: `import packed from 'virtual:glossary-text'` gives every entry as one gzipped
 * JSON array in base64, for the content script (glossary/packed-text.ts). Each site a reader visits
 * gets a new page process that parses the whole content script again: 2 MB of explanations as
 * text cost ~15 ms of main-thread time there, on every page, though most pages are never pointed
 * at. Packed they are 0.75 MB, and unpacked only when the reader first points at a term.
 */
export function glossaryTextPlugin(dataDir: string): Plugin {
  return virtualModule('health-glossary-text', TEXT_ID, (entries) => gzipSync(JSON.stringify(entries), { level: 9 }).toString('base64'), dataDir);
}

/**
 * A Vite plugin: the data files that glossary/bundled.ts imports as text (for the popup) ship
 * without the indentation they are written with, so the popup loads a smaller script.
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
      // browser in one byte per character instead of two. Apostrophes are escaped too, so the
      // minifier writes this text as a '…' string: it would pick a `…` template literal
      // otherwise, which V8 parses far slower (2 MB of explanations: ~14 ms more per fresh page
      // process, measured when the content script still carried them as text).
      const json = JSON.stringify(JSON.parse(readFileSync(file!, 'utf8'))).replace(
        /[\u0080-\uffff']/gu,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      return `export default ${JSON.stringify(json)};`;
    },
  };
}
