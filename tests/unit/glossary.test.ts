import { describe, expect, it } from 'vitest';
import { bundledEntries } from '../../glossary/bundled';
import { checkGlossary, EVERYDAY_WORDS } from '../../glossary/quality';
import { isAuthoritativeUrl } from '../../glossary/schema';
import { readingGrade } from '../../glossary/readability';

describe('the bundled glossary', () => {
  const report = checkGlossary(bundledEntries());

  it('breaks no quality rule (schema, limits, reading grade, sources, unique forms, related ids, no advice)', () => {
    const lines = report.violations.map((v) => `[${v.rule}] ${v.id}: ${v.message}`);
    expect(lines).toEqual([]);
  });

  it('explains every health word of the fibromyalgia article', () => {
    const names = new Set(bundledEntries().flatMap((e) => [e.term, ...e.variants].map((f) => f.toLowerCase())));
    for (const word of ['fibromyalgia', 'serotonin', 'neurotransmitter', 'cortisol', 'melatonin', 'microbiome', 'immune system', 'inflammation', 'ketamine', 'musculoskeletal'])
      expect(names.has(word) || [...names].some((n) => n.startsWith(word)), word).toBe(true);
  });
});

describe('quality rules catch bad entries', () => {
  const good = {
    id: 'thing',
    term: 'thing',
    variants: [],
    category: 'conditions',
    short: 'A thing is a small part of the body. It helps you move.',
    long: 'More about the thing.',
    related: [],
    sources: [{ title: 'Thing (NHS)', url: 'https://www.nhs.uk/conditions/thing/' }],
    reviewed: '2026-11-24',
  };
  const rules = (entries: unknown[]) => checkGlossary(entries).violations.map((v) => v.rule);

  it('accepts a good entry', () => expect(rules([good])).toEqual([]));
  it('rejects a short explanation over 25 words', () =>
    expect(rules([{ ...good, short: 'word '.repeat(26).trim() + '.' }])).toContain('schema'));
  it('rejects a source off the allow-list', () =>
    expect(rules([{ ...good, sources: [{ title: 'Blog', url: 'https://example.com/x' }] }])).toContain('schema'));
  it('rejects a related id that does not exist', () => expect(rules([{ ...good, related: ['nope'] }])).toContain('related-exists'));
  it('rejects a form that belongs to two entries', () =>
    expect(rules([good, { ...good, id: 'other', term: 'other', variants: ['Thing'] }])).toContain('unique-variant'));
  it('rejects an unflagged everyday word', () => expect(rules([{ ...good, variants: ['cold'] }])).toContain('ambiguous-flag'));
  it('rejects advice wording', () =>
    expect(rules([{ ...good, long: 'You should take two a day.' }])).toContain('no-advice'));
  it('rejects hard reading', () =>
    expect(
      rules([{ ...good, short: 'Characteristically, multidisciplinary pharmacological interventions necessitate individualized administration.' }]),
    ).toContain('reading-grade'));
  it('knows what is authoritative', () => {
    expect(isAuthoritativeUrl('https://www.nimh.nih.gov/health/topics')).toBe(true);
    expect(isAuthoritativeUrl('https://nih.gov.evil.example/x')).toBe(false);
    expect(isAuthoritativeUrl('http://medlineplus.gov/x.html')).toBe(false);
  });
  it('flags the everyday words DESIGN.md names', () => {
    for (const w of ['cold', 'virus', 'depression', 'culture', 'cell', 'pressure', 'heart']) expect(EVERYDAY_WORDS).toContain(w);
  });
  it('scores plain words lower than jargon', () => {
    expect(readingGrade('The heart pumps blood. It beats all day.')).toBeLessThan(4);
    expect(readingGrade('Hypercholesterolemia predisposes individuals to atherosclerotic cardiovascular complications.')).toBeGreaterThan(12);
  });
});
