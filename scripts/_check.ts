import { BUNDLED_ENTRIES } from '/work/main/glossary/bundled';
import { compileMatcher } from '/work/main/glossary/matcher';
const m = compileMatcher(BUNDLED_ENTRIES);
const words = (process.argv[2] ?? '').split('|').map((s) => s.trim()).filter(Boolean);
const missing: string[] = [];
for (const w of words) {
  const found = m.match(w);
  const whole = found.some((f) => f.start === 0 && f.end === w.length);
  if (!whole) missing.push(found.length ? `${w} (partly: ${found.map((f) => w.slice(f.start, f.end)).join('+')})` : w);
}
console.log(`${words.length - missing.length}/${words.length} whole; missing:\n  ${missing.join('\n  ')}`);
