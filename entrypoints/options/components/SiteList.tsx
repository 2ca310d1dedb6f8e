import { useState } from 'preact/hooks';
import { checkSiteRule } from '../../../utils/site-rules';

/** A list of site rules with an "Add" field that explains what is wrong with a rule it refuses. */
export function SiteList({ id, label, sites, max, onChange }: { id: string; label: string; sites: string[]; max: number; onChange: (sites: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = () => {
    const check = checkSiteRule(draft);
    if (!check.ok) return setError(check.message);
    if (sites.includes(check.rule)) return setError(`${check.rule} is already in the list.`);
    if (sites.length >= max) return setError(`This list is full (${max} sites). Remove one to add another.`);
    onChange([...sites, check.rule]);
    setDraft('');
    setError('');
  };
  return (
    <div class="site-list">
      <label for={id}>{label}</label>
      <div class="row">
        <input
          id={id}
          type="text"
          value={draft}
          placeholder="example.org or *.example.org"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
      <p id={`${id}-error`} class="error" role="alert">
        {error}
      </p>
      {sites.length > 0 && (
        <ul class="sites" aria-label={label}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Remove ${site}`} onClick={() => onChange(sites.filter((s) => s !== site))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
