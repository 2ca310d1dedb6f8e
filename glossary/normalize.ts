/**
 * Character folding shared by the matcher, the search index and the quality checks, so that a form
 * written in the glossary and the same words on a page always meet: case, diacritics, the many
 * dashes and apostrophes, and every kind of space fold to one code each.
 *
 * Folding works per UTF-16 code unit and never changes length, so an offset in folded text is the
 * same offset in the page's text (no offset map to keep). Characters whose lower case is longer
 * (U+0130 "İ" → "i̇") fold to their first code unit, which is the base letter.
 */

/** The code every dash, hyphen and space folds to. */
export const SEPARATOR = 0x20;
/** The code every apostrophe folds to. */
export const APOSTROPHE = 0x27;

// Scripts with case or diacritics live below U+2500 (Latin, Greek, Cyrillic, Armenian, Hebrew,
// Arabic, Indic, Georgian, Latin Extended Additional, Greek Extended, general punctuation); above
// it folding is the identity except for the few punctuation marks handled explicitly.
const TABLE_SIZE = 0x2500;
let foldTable: Uint16Array | undefined;

const SEPARATORS = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014,
  0x2028, 0x2029, 0x202f, 0x205f, 0x2212, 0x3000, 0xfe63, 0xff0d,
];
const APOSTROPHES = [0x27, 0x2bc, 0x2018, 0x2019, 0x2032, 0xff07];

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if (c < 0x80) {
      table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      continue;
    }
    if (c >= 0xd800) {
      table[c] = c;
      continue;
    }
    const base = String.fromCharCode(c).normalize('NFD').charAt(0);
    table[c] = base.toLowerCase().charCodeAt(0);
  }
  for (const s of SEPARATORS) if (s < TABLE_SIZE) table[s] = SEPARATOR;
  for (const a of APOSTROPHES) if (a < TABLE_SIZE) table[a] = APOSTROPHE;
  return table;
}

/** The folded code of one UTF-16 code unit. */
export function foldCode(c: number): number {
  if (c < TABLE_SIZE) return (foldTable ??= buildFoldTable())[c]!;
  if (c === 0x2212 || c === 0x3000 || c === 0xfe63 || c === 0xff0d || (c >= 0x2000 && c <= 0x2014)) return SEPARATOR;
  if (c === 0xff07) return APOSTROPHE;
  return c;
}

/** The fold table itself, for hot loops that index it directly. */
export function getFoldTable(): Uint16Array {
  return (foldTable ??= buildFoldTable());
}
export const FOLD_TABLE_SIZE = TABLE_SIZE;

/** Folds a whole string; runs of separators collapse to one, ends trimmed. */
export function foldText(text: string): string {
  let out = '';
  let lastWasSeparator = true;
  for (let i = 0; i < text.length; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f === SEPARATOR) {
      if (!lastWasSeparator) out += ' ';
      lastWasSeparator = true;
    } else {
      out += String.fromCharCode(f);
      lastWasSeparator = false;
    }
  }
  return out.trimEnd();
}

/** The key under which two forms count as the same form (for uniqueness checks and lookups). */
export function formKey(form: string): string {
  return foldText(form);
}

// Letters, marks and digits of every script are word characters; looked up lazily per code unit
// and cached, because a Unicode property regex per character would dominate the scan.
const wordCache = new Uint8Array(0x10000); // 0 unknown, 1 word, 2 not word
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

/** Whether the code point is a letter, mark or digit in any script. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp < 0x10000) {
    let known = wordCache[cp]!;
    if (known === 0) {
      known = cp >= 0xd800 && cp <= 0xdfff ? 2 : WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
      wordCache[cp] = known;
    }
    return known === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** Whether the character ending just before `index` is a word character (surrogate-aware). */
export function isWordCharBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const c = text.charCodeAt(index - 1);
  if (c >= 0xdc00 && c <= 0xdfff && index >= 2) return isWordCodePoint(text.codePointAt(index - 2)!);
  return isWordCodePoint(c);
}

/** Whether the character starting at `index` is a word character (surrogate-aware). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const c = text.charCodeAt(index);
  if (c >= 0xd800 && c <= 0xdbff) return isWordCodePoint(text.codePointAt(index)!);
  return isWordCodePoint(c);
}
