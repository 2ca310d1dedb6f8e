import { useMemo, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../../../glossary/categories';
import type { GlossaryEntry } from '../../../glossary/schema';
import { ResultList } from './ResultList';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** For people who don't know the word: every term by topic, or by first letter. */
export function Browse({ entries, onOpen }: { entries: readonly GlossaryEntry[]; onOpen: (e: GlossaryEntry) => void }) {
  const [category, setCategory] = useState<CategoryId | ''>('');
  const [letter, setLetter] = useState('');
  const sorted = useMemo(() => [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })), [entries]);
  const shown = sorted.filter(
    (e) => (!category || e.category === category) && (!letter || e.term.toLocaleUpperCase('en').startsWith(letter)),
  );
  return (
    <div class="browse">
      <label class="field-label" for="category">
        Topic
      </label>
      <select id="category" class="select" value={category} onChange={(e) => setCategory(e.currentTarget.value as CategoryId | '')}>
        <option value="">All topics</option>
        {CATEGORY_IDS.map((id) => (
          <option key={id} value={id}>
            {CATEGORIES[id]}
          </option>
        ))}
      </select>
      <div class="letters" role="group" aria-label="First letter">
        {LETTERS.map((l) => (
          <button type="button" key={l} class="letter" aria-pressed={letter === l} onClick={() => setLetter(letter === l ? '' : l)}>
            {l}
          </button>
        ))}
      </div>
      <p class="status" role="status">
        {shown.length} term{shown.length === 1 ? '' : 's'}
      </p>
      <ResultList entries={shown.slice(0, 200)} label="Terms" onOpen={onOpen} showShort={false} />
    </div>
  );
}
