import type { GlossaryEntry } from '../../../glossary/schema';

interface Props {
  entries: readonly GlossaryEntry[];
  label: string;
  onOpen: (entry: GlossaryEntry) => void;
  /** Shown after the term, e.g. how often it appears on the page. */
  note?: (entry: GlossaryEntry) => string | undefined;
  showShort?: boolean;
}

/**
 * A list of terms as buttons. Up and down arrows move between them (and Up from the first goes
 * back to the search box), Enter or a click opens one.
 */
export function ResultList({ entries, label, onOpen, note, showShort = true }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.result')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? index + 1 : index - 1;
    e.preventDefault();
    if (next < 0) (document.getElementById('search') as HTMLInputElement | null)?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };
  return (
    <ul class="results" aria-label={label} onKeyDown={onKeyDown}>
      {entries.map((entry) => {
        const extra = note?.(entry);
        return (
          <li key={entry.id}>
            <button type="button" class="result" onClick={() => onOpen(entry)}>
              <span class="result-term">
                {entry.term}
                {extra && <span class="result-note"> {extra}</span>}
              </span>
              {showShort && <span class="result-short">{entry.short}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
