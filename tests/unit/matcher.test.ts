import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMatcher, inflections, isCaseSensitiveForm, type MatchableEntry } from '../../glossary/matcher';

const ENTRIES: MatchableEntry[] = [
  { term: 'serotonin', variants: ['5-HT'] },
  { term: 'microbiome', variants: ['gut microbiome', 'microbiota'] },
  { term: 'gut-brain axis', variants: ['gut-brain connection'] },
  { term: 'irritable bowel syndrome', variants: ['IBS'] },
  { term: 'thyroid-stimulating hormone', variants: ['TSH'] },
  { term: 'selective serotonin reuptake inhibitor', variants: ['SSRI'] },
  { term: 'bacterium', variants: ['bacteria'] },
  { term: 'ovary', variants: [] },
  { term: 'Crohn’s disease', variants: ["Crohn's"] },
  { term: 'café au lait spot', variants: [] },
  { term: 'HIV/AIDS', variants: ['AIDS'] },
  { term: 'hormone', variants: [], ambiguous: true },
];

const matcher = compileMatcher(ENTRIES);
const found = (text: string) => matcher.match(text).map((m) => [text.slice(m.start, m.end), ENTRIES[m.entry]!.term]);

describe('matcher', () => {
  it('finds terms on word boundaries only', () => {
    expect(found('Serotonin, a messenger.')).toEqual([['Serotonin', 'serotonin']]);
    expect(found('preserotonin and serotoninergic are not terms')).toEqual([]);
    expect(found('microbiomes')).toEqual([['microbiomes', 'microbiome']]);
  });

  it('a word that begins like a term hides neither itself nor the next term', () => {
    const words = (t: string) => found(t).map(([text]) => text);
    expect(words('serotoninergic serotonin')).toEqual(['serotonin']);
    expect(words('gut microbiomes, gutter gut microbiome')).toEqual(['gut microbiomes', 'gut microbiome']);
    expect(words('Crohns Crohn’s disease')).toEqual(['Crohn’s disease']);
  });

  it('prefers the longest match at a position', () => {
    expect(found('Your gut microbiome matters')).toEqual([['gut microbiome', 'microbiome']]);
    expect(found('SSRIs and selective serotonin reuptake inhibitors')).toEqual([
      ['SSRIs', 'selective serotonin reuptake inhibitor'],
      ['selective serotonin reuptake inhibitors', 'selective serotonin reuptake inhibitor'],
    ]);
  });

  it('matches acronyms only with their capitals', () => {
    expect(found('IBS affects the bowel')).toEqual([['IBS', 'irritable bowel syndrome']]);
    expect(found('ibs lowercase is not the acronym')).toEqual([]);
    expect(found('first aids kit')).toEqual([]);
    expect(found('living with AIDS')).toEqual([['AIDS', 'HIV/AIDS']]);
    expect(found('a TSH test')).toEqual([['TSH', 'thyroid-stimulating hormone']]);
  });

  it('matches regular plurals and possessives without listing them', () => {
    expect(found('both ovaries')).toEqual([['ovaries', 'ovary']]);
    expect(found("serotonin's role")).toEqual([["serotonin's", 'serotonin']]);
    expect(found('serotonin’s role')).toEqual([['serotonin’s', 'serotonin']]);
    expect(found("the SSRI's effect")).toEqual([["SSRI's", 'selective serotonin reuptake inhibitor']]);
    expect(found('hormones')).toEqual([['hormones', 'hormone']]);
  });

  it('matches listed irregular forms', () => {
    expect(found('gut bacteria')).toEqual([['bacteria', 'bacterium']]);
  });

  it('treats hyphens, dashes and spaces alike, across line breaks', () => {
    expect(found('the gut brain axis')).toEqual([['gut brain axis', 'gut-brain axis']]);
    expect(found('the gut–brain axis')).toEqual([['gut–brain axis', 'gut-brain axis']]);
    expect(found('the gut-brain\n   axis')).toEqual([['gut-brain\n   axis', 'gut-brain axis']]);
    expect(found('5-HT and 5 HT')).toEqual([
      ['5-HT', 'serotonin'],
      ['5 HT', 'serotonin'],
    ]);
  });

  it('folds diacritics and apostrophes', () => {
    expect(found('Crohn’s disease and Crohn\'s disease')).toEqual([
      ['Crohn’s disease', 'Crohn’s disease'],
      ["Crohn's disease", 'Crohn’s disease'],
    ]);
    expect(found('a cafe au lait spot')).toEqual([['cafe au lait spot', 'café au lait spot']]);
    expect(found('MICROBIÔME')).toEqual([['MICROBIÔME', 'microbiome']]);
  });

  it('respects boundaries in other scripts', () => {
    expect(found('серотонин serotoninа')).toEqual([]);
    expect(found('日本serotonin')).toEqual([]);
    expect(found('(serotonin)')).toEqual([['serotonin', 'serotonin']]);
    expect(found('𝐀serotonin')).toEqual([]);
  });

  it('keeps offsets right after characters whose lower case is longer', () => {
    const text = 'İİ serotonin';
    expect(matcher.match(text)).toEqual([{ start: 3, end: 12, entry: 0 }]);
  });

  it('matches within a window of the text', () => {
    const text = 'serotonin serotonin';
    expect(matcher.match(text, 10)).toEqual([{ start: 10, end: 19, entry: 0 }]);
    expect(matcher.match(text, 0, 9)).toEqual([{ start: 0, end: 9, entry: 0 }]);
  });
});

describe('form rules', () => {
  it('makes forms with two or more capitals case-sensitive', () => {
    expect(isCaseSensitiveForm('IBS')).toBe(true);
    expect(isCaseSensitiveForm('eGFR')).toBe(true);
    expect(isCaseSensitiveForm('Zoloft')).toBe(false);
    expect(isCaseSensitiveForm('serotonin')).toBe(false);
    // Digits, spaces or hyphens: no ordinary word looks like these, so any case will do.
    expect(isCaseSensitiveForm('COVID-19')).toBe(false);
    expect(isCaseSensitiveForm('A1C')).toBe(false);
    expect(isCaseSensitiveForm('long COVID')).toBe(false);
  });

  it('inflects nouns as English does', () => {
    expect(inflections('ovary')).toContain('ovaries');
    expect(inflections('virus')).toContain('viruses');
    expect(inflections('rash')).toContain('rashes');
    expect(inflections('day')).toContain('days');
    expect(inflections('SSRI')).toEqual(['SSRIs', "SSRI's"]);
  });
});

describe('matcher properties', () => {
  const letters = fc.constantFrom(...'serotoninIBSgut-brain axis microbiome.,’\'\n é日𝐀İ5HT'.split(''));
  const text = fc.oneof(fc.string({ unit: letters, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

  it('never throws and every match is in order, on word boundaries, and maps to one entry', () => {
    const wordChar = /[\p{L}\p{M}\p{N}]/u;
    fc.assert(
      fc.property(text, (t) => {
        const matches = matcher.match(t);
        let last = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.entry).toBeGreaterThanOrEqual(0);
          expect(m.entry).toBeLessThan(ENTRIES.length);
          const before = [...t.slice(0, m.start)].pop() ?? '';
          const after = [...t.slice(m.end)][0] ?? '';
          expect(wordChar.test(before)).toBe(false);
          expect(wordChar.test(after)).toBe(false);
          last = m.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a term wherever it is placed between non-word characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const t = `${a} serotonin ${b}`;
        const start = a.length + 1;
        expect(matcher.match(t).some((m) => m.start === start && m.end === start + 9)).toBe(true);
      }),
    );
  });
});
