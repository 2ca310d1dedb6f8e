/**
 * `npx vite-node scripts/glossary-mark.ts FILE.txt`: prints the text with every glossary match in
 * [brackets] (ambiguous ones as {braces}), so a writer can see which words of a real patient page
 * the glossary would leave unexplained.
 */
import { readFileSync } from 'node:fs';
import { bundledEntries } from '../glossary/bundled';
import { compileMatcher } from '../glossary/matcher';

const text = readFileSync(process.argv[2] ?? 0, 'utf8');
const matcher = compileMatcher(bundledEntries());
let out = '';
let at = 0;
for (const m of matcher.match(text)) {
  const entry = bundledEntries()[m.entry]!;
  const [open, close] = entry.ambiguous ? ['{', '}'] : ['[', ']'];
  out += text.slice(at, m.start) + open + text.slice(m.start, m.end) + close;
  at = m.end;
}
console.log(out + text.slice(at));
