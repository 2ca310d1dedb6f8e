/**
 * `npm run glossary:report`: what the bundled glossary holds and every rule it breaks.
 * Exits non-zero when any rule is broken, so it can gate a contribution.
 */
import { bundledEntries, bundledFiles } from '../glossary/bundled';
import { checkGlossary, GRADE_LIMITS } from '../glossary/quality';
import { CATEGORIES, type CategoryId } from '../glossary/schema';

const report = checkGlossary(bundledEntries());
const entries = bundledEntries();

console.log(`Entries: ${report.entries}    forms (terms + variants): ${report.forms}`);
console.log(`Variants: ${entries.reduce((n, e) => n + e.variants.length, 0)}    ambiguous entries: ${entries.filter((e) => e.ambiguous).length}`);

console.log('\nBy category');
const byCategory = new Map<string, number>();
for (const e of entries) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + 1);
for (const [id, label] of Object.entries(CATEGORIES))
  console.log(`  ${String(byCategory.get(id as CategoryId) ?? 0).padStart(5)}  ${label}`);

console.log(`\nReading grade of "short" (Flesch-Kincaid; median must be <= ${GRADE_LIMITS.medianShort}, each <= ${GRADE_LIMITS.maxShort})`);
const buckets = new Map<string, number>();
for (const g of report.grades.values()) {
  const b = g < 4 ? '< 4' : g >= 10 ? '10+' : `${Math.floor(g)}-${Math.floor(g) + 1}`;
  buckets.set(b, (buckets.get(b) ?? 0) + 1);
}
for (const b of ['< 4', '4-5', '5-6', '6-7', '7-8', '8-9', '9-10', '10+'])
  console.log(`  ${b.padEnd(5)} ${String(buckets.get(b) ?? 0).padStart(5)}`);
console.log(`  median ${report.medianGrade.toFixed(2)}`);

console.log('\nSources by domain');
const domains = new Map<string, number>();
for (const e of entries)
  for (const s of e.sources) {
    const host = new URL(s.url).hostname.replace(/^www\./u, '');
    domains.set(host, (domains.get(host) ?? 0) + 1);
  }
for (const [d, n] of [...domains].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${d}`);

// `--files a.json,b.json` limits the violations listed to the entries of those files (the checks
// still run over the whole glossary), so several people can work on separate files at once.
const filesArg = process.argv.indexOf('--files');
let shown = report.violations;
if (filesArg > 0) {
  const names = (process.argv[filesArg + 1] ?? '').split(',');
  const ids = new Set(names.flatMap((n) => (bundledFiles().get(n) ?? []).map((e) => e.id)));
  shown = shown.filter((v) => ids.has(v.id) || v.id.startsWith('#'));
  console.log(`\n(only entries of ${names.join(', ')}: ${ids.size} entries; median grade of those below)`);
  const grades = [...ids].map((id) => report.grades.get(id) ?? 0).sort((a, b) => a - b);
  console.log(`  median grade of these files: ${(grades[grades.length >> 1] ?? 0).toFixed(2)}`);
}
console.log(`\nRule violations: ${shown.length}`);
for (const v of shown) console.log(`  [${v.rule}] ${v.id}: ${v.message}`);
process.exitCode = shown.length ? 1 : 0;
