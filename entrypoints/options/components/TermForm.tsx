import { useState } from 'preact/hooks';
import { LIMITS, type CustomTerm, type TermFields } from '../../../utils/custom-terms';
import { checkTerm, clashes } from '../../../utils/term-rules';

/** Adds a term, or edits one. Every problem is listed in words, next to the form, at once. */
export function TermForm({ editing, others, onSave, onCancel }: { editing: CustomTerm | null; others: readonly CustomTerm[]; onSave: (fields: TermFields) => Promise<boolean>; onCancel: () => void }) {
  const [term, setTerm] = useState(editing?.term ?? '');
  const [variants, setVariants] = useState(editing?.variants.join(', ') ?? '');
  const [explanation, setExplanation] = useState(editing?.explanation ?? '');
  const [link, setLink] = useState(editing?.link ?? '');
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const check = checkTerm({ term, variants, explanation, link });
    const found = check.ok ? clashes(check.fields, others) : check.problems;
    setProblems(found);
    if (!check.ok || found.length) return;
    if (await onSave({ ...check.fields, ...(editing ? { added: editing.added } : {}) })) {
      setTerm('');
      setVariants('');
      setExplanation('');
      setLink('');
    }
  };

  return (
    <form class="term-form" onSubmit={submit} aria-labelledby="term-form-title" noValidate>
      <h3 id="term-form-title">{editing ? `Edit “${editing.term}”` : 'Add a term'}</h3>
      <label for="own-term">Term</label>
      <input id="own-term" type="text" value={term} maxLength={LIMITS.nameChars} required onInput={(e) => setTerm(e.currentTarget.value)} />
      <label for="own-variants">Other names (optional, separated by commas)</label>
      <input id="own-variants" type="text" value={variants} placeholder="e.g. brain fog, fibro fog" onInput={(e) => setVariants(e.currentTarget.value)} />
      <label for="own-explanation">Explanation</label>
      <textarea id="own-explanation" rows={3} value={explanation} maxLength={LIMITS.explanationChars} required onInput={(e) => setExplanation(e.currentTarget.value)} />
      <label for="own-link">Link (optional, starting with https://)</label>
      <input id="own-link" type="text" inputMode="url" value={link} placeholder="https://" onInput={(e) => setLink(e.currentTarget.value)} />
      <div role="alert" class="problems">
        {problems.length > 0 && (
          <>
            <p>Please fix this first:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div class="buttons">
        <button type="submit" class="primary">
          {editing ? 'Save changes' : 'Add term'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
