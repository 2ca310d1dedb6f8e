import { useEffect, useState } from 'preact/hooks';
import { isCustomEntry } from '../utils/own-terms';
import type { GlossaryEntry } from '../glossary/schema';

export interface TermCardProps {
  entry: GlossaryEntry;
  /** Finds a related entry by id. */
  lookup: (id: string) => GlossaryEntry | undefined;
  /** Id for the heading, which names the dialog. */
  headingId: string;
  onClose?: () => void;
  /** Told when the reader switches the card to a related term (or back). */
  onEntryChange?: (entry: GlossaryEntry) => void;
}

// Made when the first card shows, not when a page loads the script: creating a date format
// loads the browser's locale data, which took several milliseconds on a page's first load.
let reviewedFormat: Intl.DateTimeFormat | undefined;

function reviewedLabel(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  reviewedFormat ??= new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return Number.isNaN(parsed.getTime()) ? date : reviewedFormat.format(parsed);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

/**
 * The explanation of one term, shared by the page card, the popup and the options preview.
 * Every string is rendered as text (Preact escapes it); nothing here builds HTML.
 */
export function TermCard({ entry: initial, lookup, headingId, onClose, onEntryChange }: TermCardProps) {
  const [history, setHistory] = useState<GlossaryEntry[]>([initial]);
  const [expanded, setExpanded] = useState(false);
  const entry = history[history.length - 1]!;
  const own = isCustomEntry(entry);

  useEffect(() => {
    setHistory([initial]);
    setExpanded(false);
  }, [initial]);

  const go = (next: GlossaryEntry) => {
    setHistory((h) => [...h, next]);
    setExpanded(false);
    onEntryChange?.(next);
  };
  const back = () => {
    const previous = history[history.length - 2];
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    setExpanded(false);
    onEntryChange?.(previous);
  };
  const related = entry.related.map(lookup).filter((e): e is GlossaryEntry => e !== undefined);

  return (
    <div class="card-body">
      <div class="card-head">
        <h2 id={headingId} class="term">
          {entry.term}
        </h2>
        {onClose && (
          <button type="button" class="icon-button close" aria-label="Close explanation" title="Close (Esc)" onClick={onClose}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
            </svg>
          </button>
        )}
      </div>
      {entry.pronunciation && (
        <p class="say">
          <span class="visually-hidden">Pronounced </span>
          <span aria-hidden="true">say </span>“{entry.pronunciation}”
        </p>
      )}
      <p class="short">{entry.short}</p>
      {expanded && <p class="long">{entry.long}</p>}
      {entry.long && (
        <button type="button" class="text-button more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Less' : 'More'}
        </button>
      )}
      {related.length > 0 && (
        <div class="related" role="group" aria-label="Related terms">
          <span class="label">Related:</span>
          {related.map((r) => (
            <button type="button" class="chip" key={r.id} onClick={() => go(r)}>
              {r.term}
            </button>
          ))}
        </div>
      )}
      {history.length > 1 && (
        <button type="button" class="text-button back" onClick={back}>
          ← Back to {history[history.length - 2]!.term}
        </button>
      )}
      {own ? (
        <p class="sources">
          Your own term, added {reviewedLabel(entry.reviewed)}
          {entry.sources.map((s) => (
            <span key={s.url}>
              {' · '}
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                Your link
              </a>
              <span class="host"> ({hostOf(s.url)})</span>
            </span>
          ))}
        </p>
      ) : (
      <p class="sources">
        {entry.sources.length === 1 ? 'Source: ' : 'Sources: '}
        {entry.sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 && ' · '}
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {s.title}
            </a>
            <span class="host"> ({hostOf(s.url)})</span>
          </span>
        ))}
        <span class="reviewed"> · Reviewed {reviewedLabel(entry.reviewed)}</span>
      </p>
      )}
      <p class="disclaimer">General information, not medical advice.</p>
    </div>
  );
}
