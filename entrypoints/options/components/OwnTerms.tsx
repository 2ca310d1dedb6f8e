import { useState } from 'preact/hooks';
import { LIMITS, makeTerm, type CustomTerm, type TermFields } from '../../../utils/custom-terms';
import { ConfirmDialog } from './ConfirmDialog';
import { ImportExport } from './ImportExport';
import { TermForm } from './TermForm';

/** The reader's own terms: the form, the list with edit and delete, and files. */
export function OwnTerms({ terms, save }: { terms: readonly CustomTerm[]; save: (update: (current: CustomTerm[]) => CustomTerm[]) => Promise<boolean> }) {
  const [editing, setEditing] = useState<CustomTerm | null>(null);
  const [deleting, setDeleting] = useState<CustomTerm | null>(null);
  const [status, setStatus] = useState('');

  const onSave = async (fields: TermFields) => {
    if (!editing && terms.length >= LIMITS.terms) {
      setStatus(`You already have ${LIMITS.terms} terms, the most you can keep. Delete one to add another.`);
      return false;
    }
    const edited = editing;
    const update = (current: CustomTerm[]) =>
      edited ? current.map((t) => (t.id === edited.id ? makeTerm(fields, t.id) : t)) : [...current, makeTerm(fields)];
    if (!(await save(update))) return false;
    setStatus(editing ? `Saved “${fields.term}”.` : `Added “${fields.term}”. It is marked on pages and found in search.`);
    setEditing(null);
    return true;
  };

  return (
    <>
      <p class="hint">
        Words you want explained your way: they are marked on pages and found in the toolbar search like the others, and
        they win over a built-in explanation of the same word. Up to {LIMITS.terms} terms; names up to {LIMITS.nameChars}{' '}
        characters, up to {LIMITS.variants} other names each, explanations up to {LIMITS.explanationChars} characters.
      </p>
      <TermForm
        key={editing?.id ?? 'new'}
        editing={editing}
        others={terms.filter((t) => t.id !== editing?.id)}
        onSave={onSave}
        onCancel={() => setEditing(null)}
      />
      <p role="status" class="status">
        {status}
      </p>
      {terms.length > 0 ? (
        <ul class="own-terms" aria-label="Your terms">
          {terms.map((t) => (
            <li key={t.id}>
              <p class="own-name">
                <strong>{t.term}</strong>
                {t.variants.length > 0 && <span class="own-variants"> (also {t.variants.join(', ')})</span>}
              </p>
              <p class="own-explanation">{t.explanation}</p>
              {t.link && (
                <p class="own-link">
                  <a href={t.link} target="_blank" rel="noopener noreferrer">
                    {t.link}
                  </a>
                </p>
              )}
              <div class="buttons">
                <button type="button" aria-label={`Edit ${t.term}`} onClick={() => setEditing(t)}>
                  Edit
                </button>
                <button type="button" aria-label={`Delete ${t.term}`} onClick={() => setDeleting(t)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">You have not added any terms yet.</p>
      )}
      <h3>Files</h3>
      <ImportExport terms={terms} onApply={save} />
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.term}”?`}
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const gone = deleting;
            setDeleting(null);
            void save((current) => current.filter((t) => t.id !== gone.id)).then((ok) => ok && setStatus(`Deleted “${gone.term}”.`));
          }}
        >
          <p>Its explanation will be gone from pages and search. A saved copy (JSON) can bring it back.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
