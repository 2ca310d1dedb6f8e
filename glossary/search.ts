import MiniSearch, { type SearchResult } from 'minisearch';
import { foldText } from './normalize';
import type { GlossaryEntry } from './schema';

export interface SearchHit {
  entry: GlossaryEntry;
  score: number;
}

/**
 * Search over names first, then other names (variants), then the explanations, forgiving typos
 * ("seratonin") and unfinished words ("fibro"). Built once per surface; each query is a few ms.
 */
export class GlossarySearch {
  private readonly index: MiniSearch<GlossaryEntry>;
  private readonly byId: Map<string, GlossaryEntry>;
  /** Every name and other name, folded, with its entry: for misspellings the index is too strict for. */
  private readonly names: { id: string; name: string }[];

  /**
   * Indexing every entry takes ~200 ms, four fifths of it for the long explanations. `building`
   * indexes in slices, so a surface can show itself first and stay responsive meanwhile; with
   * `long: false` it leaves the long explanations out and is ready four times sooner.
   */
  static async building(entries: readonly GlossaryEntry[], options: { long?: boolean } = {}): Promise<GlossarySearch> {
    const search = new GlossarySearch(entries, { ...options, index: false });
    // Slices of about 10 ms each.
    await search.index.addAllAsync(entries as GlossaryEntry[], { chunkSize: options.long === false ? 400 : 100 });
    return search;
  }

  constructor(entries: readonly GlossaryEntry[], { long = true, index = true }: { long?: boolean; index?: boolean } = {}) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.index = new MiniSearch<GlossaryEntry>({
      fields: long ? ['term', 'variants', 'short', 'long'] : ['term', 'variants', 'short'],
      storeFields: [],
      extractField: (doc, field) => {
        const value = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' · ') : String(value ?? '');
      },
      processTerm: (term) => foldText(term) || null,
      searchOptions: {
        boost: { term: 6, variants: 4, short: 1, long: 0.4 },
        prefix: (term) => term.length >= 2,
        fuzzy: (term) => (term.length <= 3 ? 0 : term.length <= 5 ? 1 : 0.25),
        // Any word may find an entry; entries matching more of them, in their names, rank first.
        combineWith: 'OR',
      },
    });
    if (index) this.index.addAll(entries as GlossaryEntry[]);
    this.names = entries.flatMap((e) => [e.term, ...e.variants].map((n) => ({ id: e.id, name: foldText(n) })));
  }

  /**
   * Entries with a name at most two slips from the query. MiniSearch allows one slip in a short
   * word, but readers write "asma" for asthma and "diarea" for diarrhoea.
   */
  private nearNames(query: string): Map<string, number> {
    const near = new Map<string, number>();
    if (query.length < 4 || query.length > 40) return near;
    for (const { id, name } of this.names) {
      if (Math.abs(name.length - query.length) > 2) continue;
      const edits = editDistance(name, query, 3);
      // Two slips in a short word could make anything of it; allow them only for letters left out.
      if (edits > 2 || (edits === 2 && query.length < 6 && !isSubsequence(query, name))) continue;
      // Misspellings keep the first letter far more often than not: "asma" is asthma, not plasma.
      const slips = edits - (name.charCodeAt(0) === query.charCodeAt(0) ? 0.5 : 0);
      if (slips < (near.get(id) ?? 3)) near.set(id, slips);
    }
    return near;
  }

  search(query: string, limit = 30): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    const results: SearchResult[] = this.index.search(q);
    // Entries whose names hold every word of a phrase ("blood thinner") mean what the phrase means.
    const all = /\s/u.test(q) ? new Set(this.index.search(q, { combineWith: 'AND', fields: ['term', 'variants'] }).map((r) => r.id)) : null;
    const exact = foldText(q);
    const hits: SearchHit[] = results
      .map((r) => {
        const entry = this.byId.get(String(r.id))!;
        // An exact name or other name comes first whatever the field scores say.
        const named = foldText(entry.term) === exact || entry.variants.some((v) => foldText(v) === exact);
        // A word of the query that is (close to) the entry's own name says what the reader is
        // after more than words found in explanations: "seratonin levels" is about serotonin, not
        // about the medicines whose explanation mentions serotonin levels.
        const inName = Object.values(r.match).some((fields) => fields.includes('term'));
        // How much of the entry's own name the query covers: "hypothyroidissm treatment" is
        // about hypothyroidism (all of its name), not treatment-resistant depression (a third).
        const nameWords = foldText(entry.term).split(' ');
        const coveredWords = nameWords.filter((w) => r.match[w]?.includes('term')).length;
        const covered = coveredWords / nameWords.length;
        // And name words the reader did not type make it less likely to be what they mean:
        // "seratonin levels" is serotonin, not serotonin syndrome.
        const unasked = inName ? nameWords.length - coveredWords : 0;
        // Among misspellings, the name one slip away beats the one two slips away ("colonscopy"
        // is colonoscopy, not colposcopy), whatever else the texts say.
        const slips = named ? 0 : closestName(entry, exact);
        const near = slips === 1 ? 2 : 1;
        return { entry, score: r.score * (named ? 100 : 1) * (all?.has(r.id) ? 3 : 1) * (inName ? 4 : 1) * near * ((1 + 2 * covered) / (1 + unasked)) };
      })
      .sort((a, b) => b.score - a.score);
    // A name two slips away still beats explanations that merely contain a similar word, unless
    // something closer was found.
    const near = this.nearNames(exact);
    if (near.size) {
      const found = new Map(hits.map((h) => [h.entry.id, h]));
      const closest = Math.min(3, ...hits.slice(0, 10).map((h) => (foldText(h.entry.term) === exact ? 0 : closestName(h.entry, exact))));
      const top = hits[0]?.score ?? 1;
      for (const [id, slips] of near) {
        if (slips >= closest) continue;
        const boosted = top * (3 - slips);
        const hit = found.get(id);
        if (hit) hit.score = Math.max(hit.score, boosted);
        else hits.push({ entry: this.byId.get(id)!, score: boosted });
      }
      hits.sort((a, b) => b.score - a.score);
    }
    return hits.slice(0, limit);
  }

  /** The closest names, for a query that found nothing. */
  suggest(query: string, limit = 5): GlossaryEntry[] {
    return this.index
      .search(query, { fields: ['term', 'variants'], fuzzy: 0.4, prefix: true, combineWith: 'OR' })
      .slice(0, limit)
      .map((r) => this.byId.get(String(r.id))!);
  }
}

/** The fewest edits (up to 2; 3 means more) from the query to the entry's name or another name. */
function closestName(entry: GlossaryEntry, query: string): number {
  let best = 3;
  for (const name of [entry.term, ...entry.variants]) {
    const f = foldText(name);
    if (Math.abs(f.length - query.length) >= best) continue;
    best = Math.min(best, editDistance(f, query, best));
    if (best === 0) break;
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowBest) rowBest = value;
    }
    if (rowBest >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}

/** Whether every character of `short` appears in `long` in order ("asma" in "asthma"). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long.charCodeAt(j) === short.charCodeAt(i)) i++;
  return i === short.length;
}
