/**
 * Every timing of the hover card in one place. Start values come from Wikipedia Page Previews,
 * which tuned them on millions of readers: long enough that sweeping the pointer across text
 * opens nothing, short enough that resting on a word feels like an answer.
 */
export const TIMING = {
  /** The pointer rests on a term this long before its card opens (a setting can change it). */
  showDelayMs: 500,
  /** After the pointer leaves the term or the card, the card waits this long before closing. */
  hideDelayMs: 300,
  /** Longest slice of scanning work before the page gets the main thread back. */
  scanSliceMs: 8,
  /** Added or changed page text is rescanned after this quiet period, batched. */
  mutationDebounceMs: 100,
} as const;
