/**
 * `npx vite-node scripts/glossary-words.ts "word one|word two|…"`: which of these words and
 * phrases the glossary marks as a whole, and which only in part or not at all. For finding gaps
 * with the words of real patient pages.
 */
import { bundledEntries } from '../glossary/bundled';
import { compileMatcher } from '../glossary/matcher';

const matcher = compileMatcher(bundledEntries());
const words = (process.argv[2] ?? '')
  .split('|')
  .map((s) => s.trim())
  .filter(Boolean);
const missing: string[] = [];
for (const w of words) {
  const found = matcher.match(w);
  if (found.some((f) => f.start === 0 && f.end === w.length)) continue;
  missing.push(found.length ? `${w} (in part: ${found.map((f) => w.slice(f.start, f.end)).join(' + ')})` : w);
}
console.log(`${words.length - missing.length} of ${words.length} marked whole${missing.length ? `; not:\n  ${missing.join('\n  ')}` : ''}`);
