/**
 * The reader's own terms as files: JSON (exact backup) and CSV (for spreadsheets). Reading a file
 * never changes anything; `planImport` says what would change, `applyImport` does it.
 */
import Papa from 'papaparse';
import { LIMITS, makeTerm, nameKey, type CustomTerm, type TermFields } from './custom-terms';
import { checkTerm, clashes } from './term-rules';

export const FILE_FORMAT = 'health-glossary-terms';
export const MAX_FILE_BYTES = 1_000_000;
export const TOO_LARGE = 'This file is larger than 1 MB, so it was not read.';
const CSV_COLUMNS = ['term', 'variants', 'explanation', 'link', 'added'] as const;

/** One term of a file: where it is (row 1 is a CSV's header; a JSON list counts from 1), and what is wrong. */
export interface FileRow {
  row: number;
  fields?: TermFields;
  problems: string[];
}

export type FileReading = { ok: true; rows: FileRow[] } | { ok: false; problem: string };

const exported = (t: CustomTerm) => ({ term: t.term, variants: t.variants, explanation: t.explanation, ...(t.link ? { link: t.link } : {}), added: t.added });

export function termsToJson(terms: readonly CustomTerm[]): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: 1, terms: terms.map(exported) }, null, 2)}\n`;
}

// A spreadsheet runs a cell that starts like a formula; a leading apostrophe makes it text. A cell
// that itself starts with an apostrophe gets one more, so that taking one off on import always
// gives back exactly what was exported.
const FORMULA_START = /^[=+\-@\t\r]/u;
const guardCell = (s: string) => (FORMULA_START.test(s) || s.startsWith("'") ? `'${s}` : s);
const unguardCell = (s: string) => (s.startsWith("'") && (FORMULA_START.test(s.slice(1)) || s.startsWith("''")) ? s.slice(1) : s);

export function termsToCsv(terms: readonly CustomTerm[]): string {
  const rows = terms.map((t) => [t.term, t.variants.join('; '), t.explanation, t.link ?? '', t.added].map(guardCell));
  // The byte-order mark tells spreadsheet programs the file is UTF-8.
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { quotes: true, newline: '\r\n' })}\r\n`;
}

/**
 * Other names people (and other tools) give the columns. A file made by hand or by another
 * glossary tool is read as long as each column's meaning is clear.
 */
const FIELD_NAMES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  term: 'term',
  name: 'term',
  word: 'term',
  title: 'term',
  variants: 'variants',
  'other names': 'variants',
  synonyms: 'variants',
  aliases: 'variants',
  explanation: 'explanation',
  definition: 'explanation',
  meaning: 'explanation',
  description: 'explanation',
  short: 'explanation',
  link: 'link',
  url: 'link',
  source: 'link',
  added: 'added',
};
const fieldOf = (name: string) => FIELD_NAMES[name.trim().toLowerCase()];

/** An object's fields under our names (the first of several aliases wins). */
function ourFields(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const field = fieldOf(key);
    if (field && !(field in out)) out[field] = value;
  }
  return out;
}

function fromJson(text: string): FileReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'This file is not valid JSON, so nothing was read from it.' };
  }
  const record = data && typeof data === 'object' ? (data as { terms?: unknown; entries?: unknown; glossary?: unknown }) : undefined;
  const list = Array.isArray(data) ? data : (record?.terms ?? record?.entries ?? record?.glossary);
  if (!Array.isArray(list)) return { ok: false, problem: 'This JSON file has no list of terms (expected "terms": [ … ]).' };
  return {
    ok: true,
    rows: list.map((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return { row: i + 1, problems: ['This item is not a term.'] };
      const check = checkTerm(ourFields(item as Record<string, unknown>));
      return check.ok ? { row: i + 1, fields: check.fields, problems: [] } : { row: i + 1, problems: check.problems };
    }),
  };
}

function fromCsv(text: string): FileReading {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ''), { skipEmptyLines: 'greedy' });
  const [header, ...data] = parsed.data;
  const columns: string[] = (header ?? []).map((h) => fieldOf(String(h)) ?? '');
  const at = (name: string) => columns.indexOf(name);
  if (at('term') < 0 || at('explanation') < 0)
    return { ok: false, problem: 'The first row of a CSV file must name its columns, with at least "term" and "explanation" (or "definition").' };
  // Papa reports problems by data row (0-based, header excluded when counted from data).
  const rowProblems = new Map<number, string[]>();
  for (const error of parsed.errors) {
    if (error.row === undefined) continue;
    const list = rowProblems.get(error.row) ?? [];
    list.push(error.code === 'MissingQuotes' ? 'A quotation mark is not closed.' : error.code === 'TooManyFields' || error.code === 'TooFewFields' ? `This row has ${error.code === 'TooManyFields' ? 'more' : 'fewer'} cells than the header.` : error.message);
    rowProblems.set(error.row, list);
  }
  return {
    ok: true,
    rows: data.map((cells, i) => {
      const row = i + 2;
      const own = rowProblems.get(i + 1) ?? [];
      const cell = (name: string) => (at(name) >= 0 ? unguardCell(String(cells[at(name)] ?? '')) : undefined);
      const check = checkTerm({ term: cell('term'), variants: cell('variants'), explanation: cell('explanation'), link: cell('link'), added: cell('added') });
      if (own.length) return { row, problems: [...own, ...(check.ok ? [] : check.problems)] };
      return check.ok ? { row, fields: check.fields, problems: [] } : { row, problems: check.problems };
    }),
  };
}

/** Reads a file the reader chose. Its name decides the format when it says; otherwise its content. */
export function readTermFile(name: string, text: string): FileReading {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: TOO_LARGE };
  if (!text.trim()) return { ok: false, problem: 'This file is empty.' };
  const lower = name.toLowerCase();
  const looksJson = /^\s*[[{]/u.test(text.replace(/^\uFEFF/u, ''));
  if (lower.endsWith('.json') || (!lower.endsWith('.csv') && looksJson)) return fromJson(text.replace(/^\uFEFF/u, ''));
  return fromCsv(text);
}

export interface ImportPlan {
  add: TermFields[];
  update: { before: CustomTerm; after: TermFields }[];
  unchanged: number;
  /** Rows left out, each with what is wrong. */
  problems: { row: number; problems: string[] }[];
  /** Set when applying would go over the limit: then nothing is applied. */
  blocked?: string;
}

const same = (a: TermFields, b: CustomTerm) =>
  a.term === b.term && a.explanation === b.explanation && (a.link ?? '') === (b.link ?? '') && a.variants.join('\n') === b.variants.join('\n');

/**
 * What importing these rows into the reader's terms would do. A row whose term already exists
 * (any case) updates it; others are added; nothing is ever deleted.
 */
export function planImport(existing: readonly CustomTerm[], rows: readonly FileRow[]): ImportPlan {
  const plan: ImportPlan = { add: [], update: [], unchanged: 0, problems: [] };
  const byName = new Map(existing.map((t) => [nameKey(t.term), t]));
  // Names as they will be after the import, to catch a row that takes another term's name.
  const accepted = new Map<string, TermFields>(existing.map((t) => [nameKey(t.term), t]));
  const seenInFile = new Map<string, number>();
  for (const row of rows) {
    if (!row.fields) {
      plan.problems.push({ row: row.row, problems: row.problems });
      continue;
    }
    const key = nameKey(row.fields.term);
    const earlier = seenInFile.get(key);
    if (earlier !== undefined) {
      plan.problems.push({ row: row.row, problems: [`“${row.fields.term}” is already in this file (row ${earlier}).`] });
      continue;
    }
    const others = [...accepted.entries()].filter(([k]) => k !== key).map(([, t]) => t);
    const clash = clashes(row.fields, others);
    if (clash.length) {
      plan.problems.push({ row: row.row, problems: clash });
      continue;
    }
    seenInFile.set(key, row.row);
    accepted.set(key, row.fields);
    const before = byName.get(key);
    if (!before) plan.add.push(row.fields);
    else if (same(row.fields, before)) plan.unchanged++;
    else plan.update.push({ before, after: row.fields });
  }
  if (existing.length + plan.add.length > LIMITS.terms)
    plan.blocked = `This would make ${existing.length + plan.add.length} terms; you can keep up to ${LIMITS.terms}. Nothing was imported.`;
  return plan;
}

export function applyImport(existing: readonly CustomTerm[], plan: ImportPlan): CustomTerm[] {
  if (plan.blocked) return [...existing];
  const updates = new Map(plan.update.map((u) => [u.before.id, u.after]));
  const kept = existing.map((t) => {
    const after = updates.get(t.id);
    return after ? makeTerm({ ...after, added: after.added ?? t.added }, t.id) : t;
  });
  return [...kept, ...plan.add.map((f) => makeTerm(f))];
}
