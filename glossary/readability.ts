import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** Words as a reader sees them: numbers and abbreviations count, punctuation does not. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

function sentenceCount(text: string): number {
  return Math.max(1, (text.match(/[.!?]+(?=\s|$)/gu) ?? []).length);
}

/** Flesch-Kincaid grade level (US school grade) of a piece of text. */
export function readingGrade(text: string): number {
  const list = words(text);
  if (list.length === 0) return 0;
  const syllables = list.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  return fleschKincaid({ sentence: sentenceCount(text), word: list.length, syllable: syllables });
}
