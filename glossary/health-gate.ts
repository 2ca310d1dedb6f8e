/**
 * Whether a page is clearly about health, so that everyday words with a medical meaning (cold,
 * pressure, stroke, depression) may be highlighted on it.
 *
 * The rule: at least MIN_DISTINCT different unambiguous terms, and at least MIN_PER_THOUSAND
 * unambiguous occurrences per thousand words. A patient article easily has 20+ per thousand words
 * (fibromyalgia, serotonin, cortisol…); a news story on the economy that says "depression" and
 * "pressure" has none, and a sports report that mentions one "concussion" has one kind, not three.
 * Words are estimated from characters (about 6 per English word with its space), which is close
 * enough for a threshold and avoids a second pass over the text.
 */
export const HEALTH_GATE = {
  minDistinct: 3,
  minPerThousandWords: 4,
  charsPerWord: 6,
} as const;

export interface PageEvidence {
  /** Characters of page text scanned so far. */
  chars: number;
  /** Occurrences of unambiguous terms. */
  unambiguous: number;
  /** Different unambiguous entries seen. */
  distinct: number;
}

export function isHealthPage(evidence: PageEvidence): boolean {
  if (evidence.distinct < HEALTH_GATE.minDistinct) return false;
  const words = Math.max(1, evidence.chars / HEALTH_GATE.charsPerWord);
  return (evidence.unambiguous * 1000) / words >= HEALTH_GATE.minPerThousandWords;
}
