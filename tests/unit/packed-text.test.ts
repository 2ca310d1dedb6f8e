import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { bundledEntries } from '../../glossary/bundled';
import { glossaryTextPlugin } from '../../glossary/build-trie-plugin';
import { deferredGlossary } from '../../glossary/glossary';
import { unpack } from '../../glossary/gzip-text';
import type { GlossaryEntry } from '../../glossary/schema';

describe('the explanations the content script ships packed', () => {
  it('unpack to exactly the bundled entries, in the same order as the trie numbers them', async () => {
    const plugin = glossaryTextPlugin(fileURLToPath(new URL('../../glossary/data/', import.meta.url)));
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => string;
    const source = load.call({ addWatchFile: () => {} }, '\0virtual:glossary-text');
    const packed = JSON.parse(source.replace(/^export default /u, '').replace(/;$/u, '')) as string;
    // A third of the text's size or less: that is what every new page process no longer parses.
    expect(packed.length).toBeLessThan(JSON.stringify(bundledEntries()).length / 2.5);
    expect(JSON.parse(await unpack(packed))).toEqual(bundledEntries());
  });
});

describe('a glossary whose entries arrive later', () => {
  const entry = { id: 'x', term: 'x' } as GlossaryEntry;

  it('is not read before it is ready, loads once however often it is asked, then reads like any other', async () => {
    let loads = 0;
    const glossary = deferredGlossary(async () => {
      loads++;
      return [entry];
    });
    expect(glossary.loaded).toBe(false);
    expect(() => glossary.entries).toThrow(/before it is loaded/u);
    await Promise.all([glossary.ready(), glossary.ready()]);
    await glossary.ready();
    expect(loads).toBe(1);
    expect(glossary.loaded).toBe(true);
    expect(glossary.byId.get('x')).toBe(entry);
    expect(glossary.indexOf.get('x')).toBe(0);
  });

  it('tries again when a load failed', async () => {
    let loads = 0;
    const glossary = deferredGlossary(async () => {
      if (++loads === 1) throw new Error('no gzip here');
      return [entry];
    });
    await expect(glossary.ready()).rejects.toThrow('no gzip here');
    expect(glossary.loaded).toBe(false);
    await glossary.ready();
    expect(glossary.entries).toEqual([entry]);
    expect(loads).toBe(2);
  });
});
