/**
 * Character folding and word classes shared by the matcher, the search index and the quality
 * checks, so that a form written in the glossary and the same words on a page always meet: case,
 * diacritics, the many dashes and apostrophes, and every kind of space fold to one code each.
 *
 * Folding works per UTF-16 code unit and never changes length, so an offset in folded text is the
 * same offset in the page's text (no offset map to keep). Characters whose lower case is longer
 * (U+0130 "İ" → "i̇") fold to their first code unit, which is the base letter.
 *
 * Both tables are filled lazily, one code unit the first time it is seen: a page in English only
 * ever pays for ASCII, which is filled up front, and no page pays for all 65,536 at start-up.
 */

/** The code every dash, hyphen and space folds to. */
export const SEPARATOR = 0x20;
/** The code every apostrophe folds to. */
export const APOSTROPHE = 0x27;

const SEPARATORS = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2028,
  0x2029, 0x202f, 0x205f, 0x2212, 0x3000, 0xfe63, 0xff0d,
]);
const APOSTROPHES = new Set([0x27, 0x2bc, 0x2018, 0x2019, 0x2032, 0xff07]);

/** Folded code per code unit; 0 means not yet computed (NUL folds to itself, through the slow path). */
const foldTable = new Uint16Array(0x10000);
for (let c = 0; c < 0x80; c++) foldTable[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
for (const s of SEPARATORS) if (s < 0x80) foldTable[s] = SEPARATOR;

function computeFold(c: number): number {
  let folded: number;
  if (SEPARATORS.has(c)) folded = SEPARATOR;
  else if (APOSTROPHES.has(c)) folded = APOSTROPHE;
  else if (c >= 0xd800 && c <= 0xdfff) folded = c;
  else folded = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase().charCodeAt(0);
  foldTable[c] = folded;
  return folded;
}

/** The folded code of one UTF-16 code unit. */
export function foldCode(c: number): number {
  return foldTable[c] || computeFold(c);
}

/** The fold table itself, for hot loops: read it, and call `foldCode` where it holds 0. */
export function getFoldTable(): Uint16Array {
  return foldTable;
}

/**
 * Text holds a term only if it has a letter or digit, of any script: a reader's own term must
 * have one, and the page engine skips text without one (space between tags) unmatched.
 */
export const HAS_WORD = /[\p{L}\p{N}]/u;

/** Word classes per code unit. */
export const UNKNOWN = 0;
export const WORD = 1;
export const NOT_WORD = 2;
/** Half of a surrogate pair: the class is the whole code point's. */
export const SURROGATE = 3;

// Letters, marks and digits of every script are word characters.
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const wordTable = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++)
  wordTable[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? WORD : NOT_WORD;
wordTable.fill(SURROGATE, 0xd800, 0xe000);

/** Classifies a code unit not seen before and remembers it. */
export function classifyCode(c: number): number {
  const k = WORD_RE.test(String.fromCharCode(c)) ? WORD : NOT_WORD;
  wordTable[c] = k;
  return k;
}

/** The word-class table, for hot loops: read it, and call `classifyCode` where it holds UNKNOWN. */
export function getWordTable(): Uint8Array {
  return wordTable;
}

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

/** Whether the code point is a letter, mark or digit in any script. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) {
    const k = wordTable[cp] || classifyCode(cp);
    return k === WORD;
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
