import { describe, expect, it } from 'vitest';
import { bundledEntries } from '../../glossary/bundled';
import { GlossarySearch } from '../../glossary/search';

const search = new GlossarySearch(bundledEntries());
const first = (q: string) => search.search(q, 5)[0]?.entry.term;
const top = (q: string, n = 3) => search.search(q, n).map((h) => h.entry.term);

describe('looking up a word the way patients type it', () => {
  it('forgives spelling mistakes', () => {
    expect(first('seratonin')).toBe('serotonin');
    expect(first('cortisole')).toBe('cortisol');
    expect(first('melatonine')).toBe('melatonin');
    expect(first('colonscopy')).toBe('colonoscopy');
    expect(first('heart atack')).toBe('heart attack');
  });

  it('finishes unfinished words', () => {
    expect(first('fibro')).toBe('fibromyalgia');
    expect(first('microbiom')).toBe('microbiome');
  });

  it('knows abbreviations, in any case, and brand names', () => {
    expect(first('TSH')).toBe('thyroid-stimulating hormone');
    expect(first('tsh')).toBe('thyroid-stimulating hormone');
    expect(first('IBS')).toBe('irritable bowel syndrome');
    expect(first('Zoloft')).toBe('sertraline');
  });

  it('understands lay words and phrases', () => {
    expect(first('gut bacteria')).toBe('microbiome');
    expect(first('bad cholesterol')).toBe('LDL cholesterol');
    expect(first('stomach ache')).toBe('abdominal pain');
    expect(first('sugar pill')).toBe('placebo');
    // The class of medicines, or its best-known member.
    expect(first('blood thinner')).toMatch(/^(?:anticoagulant|warfarin)$/u);
    expect(first('seratonin levels')).toBe('serotonin');
    expect(first('hypothyroidissm treatment')).toBe('hypothyroidism');
    // Letters left out of a short word, beyond MiniSearch's one slip.
    expect(first('asma')).toBe('asthma');
    expect(first('diarea')).toMatch(/^diarrh/u);
    expect(first('high blood pressure')).toBe('hypertension');
  });

  it('finds nothing for nonsense, and then suggests the closest names', () => {
    expect(search.search('zzqx')).toEqual([]);
    expect(search.suggest('hypothyroidissm').map((e) => e.term)).toContain('hypothyroidism');
  });
});

describe('a search built in slices', () => {
  it('without the long explanations, is ready sooner and finds names; the full one also finds words of the long explanations', async () => {
    const quick = await GlossarySearch.building(bundledEntries(), { long: false });
    const full = await GlossarySearch.building(bundledEntries());
    expect(quick.search('seratonin')[0]?.entry.id).toBe('serotonin');
    expect(full.search('seratonin')[0]?.entry.id).toBe('serotonin');
    // "epididymis" appears only in the long explanation of the testicle.
    expect(quick.search('epididymis').map((h) => h.entry.id)).not.toContain('testicle');
    expect(full.search('epididymis').map((h) => h.entry.id)).toContain('testicle');
    // Built in slices or at once, the full search answers alike.
    expect(full.search('blood thinner').map((h) => h.entry.id)).toEqual(search.search('blood thinner').map((h) => h.entry.id));
  });
});
