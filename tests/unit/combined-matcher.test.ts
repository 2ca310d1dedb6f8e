import { describe, expect, it } from 'vitest';
import { bundledEntries } from '../../glossary/bundled';
import { combineMatchers } from '../../glossary/combined-matcher';
import { compileMatcher, type CompiledMatcher } from '../../glossary/matcher';
import type { GlossaryEntry } from '../../glossary/schema';
import { customToEntry, mergeGlossary, nameKey, namesOf, type CustomTerm } from '../../utils/own-terms';

const bundled = bundledEntries();
const custom: CustomTerm[] = [
  { id: 'a', term: 'Serotonin', variants: [], explanation: 'My own note.', added: '2026-12-01' },
  { id: 'b', term: 'fibro fog', variants: ['brain fog'], explanation: 'Foggy days.', added: '2026-12-01' },
  { id: 'c', term: 'gut feeling', variants: [], explanation: 'A hunch.', added: '2026-12-01' },
  { id: 'd', term: 'pain clinic', variants: ['pain clinics'], explanation: 'Where I go.', added: '2026-12-01' },
];
const own = custom.map(customToEntry);
const names = new Set(own.flatMap(namesOf));
const leftOut = Uint8Array.from(bundled.map((e) => (names.has(nameKey(e.term)) ? 1 : 0)));
const combined = combineMatchers(compileMatcher(bundled), compileMatcher(own), leftOut);
const ids = [...bundled, ...own];

/** What the page should mark, as text and entry id: one matcher compiled from the merged glossary. */
const merged = mergeGlossary(bundled, custom);
const reference = compileMatcher(merged);
const marks = (matcher: CompiledMatcher, entries: readonly GlossaryEntry[], text: string) =>
  matcher.match(text).map((m) => `${text.slice(m.start, m.end)}=${entries[m.entry]!.id}`);

describe("the bundled matcher with the reader's own terms beside it", () => {
  it('marks what one matcher compiled from the merged glossary marks', () => {
    const texts = [
      'Low serotonin, brain fog and a gut feeling: the pain clinic said fibro fog is common with fibromyalgia.',
      'Serotonin syndrome is not serotonin. SSRIs raise serotonin; my gut microbiome and gut-brain axis too.',
      'Pain clinics treat chronic pain and back pain; the gut is not a feeling.',
    ];
    for (const text of texts) expect(marks(combined, ids, text), text).toEqual(marks(reference, merged, text));
  });

  it('agrees with it on random text made of both glossaries’ names', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    // Names of entries an own term replaces are left out of the text: see the next test.
    const forms = [...bundled.filter((e) => !names.has(nameKey(e.term))), ...own].flatMap((e) => [e.term, ...e.variants]);
    const filler = ['the', 'and', 'my', 'of', 'with', 'feeling', 'clinic', 'fog', 'brain', 'gut', 'pain', '.', ','];
    for (let t = 0; t < 300; t++) {
      const words = Array.from({ length: 30 }, () => (random() < 0.4 ? forms[Math.floor(random() * forms.length)]! : filler[Math.floor(random() * filler.length)]!));
      const text = words.join(' ');
      expect(marks(combined, ids, text), text).toEqual(marks(reference, merged, text));
    }
  });

  it('gives a name the reader redefined to their term only, and numbers own terms after the bundled ones', () => {
    const found = combined.match('Serotonin and fibro fog.');
    expect(found.map((m) => ids[m.entry]!.id)).toEqual(['custom-a', 'custom-b']);
    expect(found.every((m) => m.entry >= bundled.length)).toBe(true);
    expect(combined.entryCount).toBe(bundled.length + own.length);
  });

  it('reports how many matches there are when the buffer is too small, and fills what fits', () => {
    const text = 'serotonin cortisol fibro fog insulin';
    const small = new Int32Array(6);
    expect(combined.scanInto(text, 0, text.length, small)).toBe(4);
    expect(Array.from(small)).toEqual(combined.match(text).slice(0, 2).flatMap((m) => [m.start, m.end, m.entry]));
  });
});
