import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  changeTerms,
  customTermsItem,
  LIMITS,
  loadTerms,
  makeTerm,
  mergeGlossary,
  migrateTermsV1toV2,
  readTerms,
  saveTerms,
  unreadableTermsItem,
  type CustomTerm,
} from '../../utils/custom-terms';
import { checkTerm } from '../../utils/term-rules';
import { applyImport, planImport, readTermFile, termsToCsv, termsToJson } from '../../utils/term-files';
import { bundledEntries } from '../../glossary/bundled';

const term = (t: string, explanation = `About ${t}.`, variants: string[] = []): CustomTerm =>
  makeTerm({ term: t, variants, explanation, added: '2026-12-01' });

describe('checking a term the reader typed', () => {
  it('tidies spaces and drops repeated names', () => {
    const check = checkTerm({ term: '  Long   COVID ', variants: 'post-COVID, long covid,  PCC ', explanation: ' Symptoms that last. ' });
    expect(check).toEqual({ ok: true, fields: { term: 'Long COVID', variants: ['post-COVID', 'PCC'], explanation: 'Symptoms that last.' } });
  });

  it('says what is missing or too long', () => {
    const check = checkTerm({ term: '', explanation: 'x'.repeat(LIMITS.explanationChars + 1) });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problems).toContain('The term is empty.');
      expect(check.problems.join(' ')).toMatch(/at most 600/u);
    }
  });

  it('refuses links that are not http(s)', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'not a url']) {
      const check = checkTerm({ term: 'x', explanation: 'y', link });
      expect(check.ok, link).toBe(false);
    }
    expect(checkTerm({ term: 'x', explanation: 'y', link: 'https://medlineplus.gov/' }).ok).toBe(true);
  });

  it('keeps HTML as the text the reader typed', () => {
    const check = checkTerm({ term: '<img src=x onerror=alert(1)>', explanation: '<script>alert(1)</script>' });
    expect(check.ok && check.fields.explanation).toBe('<script>alert(1)</script>');
  });
});

describe('stored terms', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrate from version 1 by recording a date, keeping everything else', async () => {
    const v1 = [{ id: 'a', term: 'fibro fog', variants: [], explanation: 'Trouble thinking clearly.' }];
    const v2 = migrateTermsV1toV2(v1) as CustomTerm[];
    expect(v2[0]).toMatchObject(v1[0]!);
    expect(v2[0]!.added).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });

  it('keep the readable ones and set the damaged ones aside instead of losing them', async () => {
    await customTermsItem.setValue([{ id: 'a', term: 'ok', variants: [], explanation: 'fine', added: '2026-01-01' }, 42, { term: '' }]);
    const reading = await loadTerms();
    expect(reading.terms.map((t) => t.term)).toEqual(['ok']);
    expect(reading.unreadable).toEqual([42, { term: '' }]);
    await saveTerms([...reading.terms, term('new')]);
    expect(await unreadableTermsItem.getValue()).toEqual([42, { term: '' }]);
    expect((await loadTerms()).terms.map((t) => t.term)).toEqual(['ok', 'new']);
  });

  it('two quick changes in a row both stay', async () => {
    await Promise.all([changeTerms((t) => [...t, term('one')]), changeTerms((t) => [...t, term('two')]), changeTerms((t) => t.filter((x) => x.term !== 'one'))]);
    expect((await loadTerms()).terms.map((t) => t.term)).toEqual(['two']);
  });

  it('a stored value that is not a list is unreadable, not fatal', () => {
    expect(readTerms('garbage')).toEqual({ terms: [], unreadable: ['garbage'] });
  });
});

describe('own terms in the glossary', () => {
  it('win over a bundled entry with the same name', () => {
    const merged = mergeGlossary(bundledEntries(), [term('Serotonin', 'My note.')]);
    const named = merged.filter((e) => e.term.toLowerCase() === 'serotonin');
    expect(named).toHaveLength(1);
    expect(named[0]!.short).toBe('My note.');
  });
});

describe('files', () => {
  const mine = [
    term('fibro fog', 'Trouble thinking, "foggy".', ['brain fog']),
    term('=SUM(A1)', 'Formula-looking, with; semicolon\nand a new line'),
    // Found by the property below: an apostrophe before a formula character.
    term("'s-Hertogenbosch fever", "'= starts like an escaped formula"),
  ];

  it('export to JSON and import back gives the same terms', () => {
    const read = readTermFile('terms.json', termsToJson(mine));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const plan = planImport([], read.rows);
    expect(plan.problems).toEqual([]);
    const back = applyImport([], plan);
    expect(back.map(({ id: _, ...t }) => t)).toEqual(mine.map(({ id: _, ...t }) => t));
  });

  it('export to CSV and import back gives the same terms, with formulas kept as text', () => {
    const csv = termsToCsv(mine);
    expect(csv).toContain(`"'=SUM(A1)"`);
    const read = readTermFile('terms.csv', csv);
    if (!read.ok) throw new Error(read.problem);
    const back = applyImport([], planImport([], read.rows));
    expect(back.map(({ id: _, ...t }) => t)).toEqual(mine.map(({ id: _, ...t }) => t));
  });

  it('round-trips any terms the form accepts (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 20 }).map((s) => `a${s}`).filter((s) => checkTerm({ term: s, explanation: 'x' }).ok);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: (s) => s.replace(/\s+/gu, ' ').trim().toLowerCase() }), fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0), (names, text) => {
        const terms = names.map((n) => {
          const c = checkTerm({ term: n, explanation: text });
          if (!c.ok) throw new Error('generator');
          return makeTerm({ ...c.fields, added: '2026-12-01' });
        });
        for (const [file, content] of [['t.json', termsToJson(terms)], ['t.csv', termsToCsv(terms)]] as const) {
          const read = readTermFile(file, content);
          if (!read.ok) return false;
          const plan = planImport([], read.rows);
          const back = applyImport([], plan);
          if (JSON.stringify(back.map(({ id: _, ...t }) => t)) !== JSON.stringify(terms.map(({ id: _, ...t }) => t))) return false;
          // And importing into the same terms changes nothing.
          const again = planImport(terms, read.rows);
          if (again.add.length || again.update.length || again.unchanged !== terms.length) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('reports each bad row by its number and keeps the good ones', () => {
    const csv = 'term,variants,explanation,link\r\nok,,Fine.,\r\n,,No name,\r\nbad link,,Text,javascript:alert(1)\r\nok,,Again.,\r\n';
    const read = readTermFile('x.csv', csv);
    if (!read.ok) throw new Error(read.problem);
    const plan = planImport([], read.rows);
    expect(plan.add.map((t) => t.term)).toEqual(['ok']);
    expect(plan.problems.map((p) => p.row)).toEqual([3, 4, 5]);
    expect(plan.problems[1]!.problems.join()).toMatch(/https/u);
    expect(plan.problems[2]!.problems.join()).toMatch(/row 2/u);
  });

  it('reads files whose columns use other common names', () => {
    const csv = readTermFile('x.csv', 'Word,Definition,Synonyms,URL\r\nfibro fog,Trouble thinking.,brain fog,https://www.nhs.uk/\r\n');
    const json = readTermFile('x.json', JSON.stringify({ entries: [{ name: 'fibro fog', definition: 'Trouble thinking.', synonyms: ['brain fog'], url: 'https://www.nhs.uk/' }] }));
    for (const read of [csv, json]) {
      if (!read.ok) throw new Error(read.problem);
      expect(read.rows[0]!.fields).toEqual({ term: 'fibro fog', variants: ['brain fog'], explanation: 'Trouble thinking.', link: 'https://www.nhs.uk/' });
    }
  });

  it('a broken file is refused as a whole, with the reason', () => {
    for (const [name, text] of [
      ['x.json', '{"terms": [ {"term": "a"'],
      ['x.json', '{"hello": 1}'],
      ['x.csv', 'colour,size\r\na,b'],
      ['x.csv', ''],
    ]) {
      const read = readTermFile(name!, text!);
      expect(read.ok, `${name}: ${text}`).toBe(false);
    }
  });

  it('an unclosed quote in CSV is a problem of that row', () => {
    const read = readTermFile('x.csv', 'term,explanation\r\nfine,ok\r\n"broken,oops\r\n');
    if (!read.ok) throw new Error(read.problem);
    expect(read.rows[0]!.problems).toEqual([]);
    expect(read.rows[1]!.problems.join()).toMatch(/quotation mark/u);
  });

  it('updates a term of the same name, adds new ones, never deletes', () => {
    const existing = [term('fibro fog', 'Old.'), term('keep me')];
    const read = readTermFile('x.json', JSON.stringify([{ term: 'Fibro Fog', explanation: 'New.' }, { term: 'new one', explanation: 'Added.' }]));
    if (!read.ok) throw new Error(read.problem);
    const plan = planImport(existing, read.rows);
    expect(plan.update).toHaveLength(1);
    expect(plan.add.map((t) => t.term)).toEqual(['new one']);
    const after = applyImport(existing, plan);
    expect(after.map((t) => `${t.term}: ${t.explanation}`)).toEqual(['Fibro Fog: New.', 'keep me: About keep me.', 'new one: Added.']);
    expect(after[0]!.id).toBe(existing[0]!.id);
  });

  it('a name that belongs to another of your terms is refused', () => {
    const existing = [term('fibro fog', 'x', ['brain fog'])];
    const read = readTermFile('x.json', JSON.stringify([{ term: 'Brain fog', explanation: 'dup' }]));
    if (!read.ok) throw new Error(read.problem);
    const plan = planImport(existing, read.rows);
    expect(plan.problems[0]!.problems[0]).toMatch(/already a name of your term “fibro fog”/u);
  });

  it('going over the limit imports nothing and says why', () => {
    const rows = Array.from({ length: LIMITS.terms + 1 }, (_, i) => ({ term: `t${i}`, explanation: 'x' }));
    const read = readTermFile('x.json', JSON.stringify(rows));
    if (!read.ok) throw new Error(read.problem);
    const plan = planImport([], read.rows);
    expect(plan.blocked).toMatch(/up to 500/u);
    expect(applyImport([], plan)).toEqual([]);
  });
});
