import { useRef, useState } from 'preact/hooks';
import type { CustomTerm } from '../../../utils/custom-terms';
import { applyImport, MAX_FILE_BYTES, planImport, readTermFile, termsToCsv, termsToJson, TOO_LARGE, type ImportPlan } from '../../../utils/term-files';

/** Offers text as a file to save. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the reader's terms to files, and reads them back after showing what would change. */
export function ImportExport({ terms, onApply }: { terms: readonly CustomTerm[]; onApply: (update: (current: CustomTerm[]) => CustomTerm[]) => Promise<boolean> }) {
  const [fileProblem, setFileProblem] = useState('');
  const [plan, setPlan] = useState<{ name: string; plan: ImportPlan } | null>(null);
  const [done, setDone] = useState('');
  const picker = useRef<HTMLInputElement>(null);

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setDone('');
    setPlan(null);
    setFileProblem('');
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileProblem(`${file.name}: ${TOO_LARGE}`);
    const reading = readTermFile(file.name, await file.text());
    if (!reading.ok) return setFileProblem(`${file.name}: ${reading.problem}`);
    setPlan({ name: file.name, plan: planImport(terms, reading.rows) });
  };

  const apply = async () => {
    if (!plan) return;
    const { add, update } = plan.plan;
    const chosen = plan.plan;
    if (await onApply((current) => applyImport(current, chosen))) {
      setPlan(null);
      setDone(`Imported: ${add.length} added, ${update.length} updated.`);
    }
  };

  const changes = plan ? plan.plan.add.length + plan.plan.update.length : 0;
  return (
    <div class="import-export">
      <div class="buttons">
        <button type="button" disabled={terms.length === 0} onClick={() => download('health-glossary-terms.json', 'application/json', termsToJson(terms))}>
          Save a copy (JSON)
        </button>
        <button type="button" disabled={terms.length === 0} onClick={() => download('health-glossary-terms.csv', 'text/csv', termsToCsv(terms))}>
          Save for a spreadsheet (CSV)
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          Import from a file…
        </button>
        <input ref={picker} id="import-file" hidden aria-label="Import terms from a file" type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void choose(e.currentTarget)} />
      </div>
      <p class="hint">A JSON copy keeps everything exactly. A CSV file opens in a spreadsheet: one term per row, other names separated by semicolons.</p>
      <div role="alert">{fileProblem && <p class="error">{fileProblem} Nothing was changed.</p>}</div>
      <p role="status">{done}</p>
      {plan && (
        <section class="import-plan" aria-labelledby="plan-title">
          <h3 id="plan-title">What importing {plan.name} would change</h3>
          <ul>
            <li>{plan.plan.add.length} new {plan.plan.add.length === 1 ? 'term' : 'terms'}{plan.plan.add.length > 0 && `: ${plan.plan.add.map((t) => t.term).join(', ')}`}</li>
            <li>{plan.plan.update.length} updated{plan.plan.update.length > 0 && `: ${plan.plan.update.map((u) => u.after.term).join(', ')}`}</li>
            <li>{plan.plan.unchanged} already the same</li>
          </ul>
          {plan.plan.problems.length > 0 && (
            <>
              <h4>Rows that will not be imported</h4>
              <ul class="row-problems">
                {plan.plan.problems.map((p) => (
                  <li key={p.row}>
                    Row {p.row}: {p.problems.join(' ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.plan.blocked && <p class="error">{plan.plan.blocked}</p>}
          <div class="buttons">
            {!plan.plan.blocked && changes > 0 && (
              <button type="button" class="primary" onClick={() => void apply()}>
                Import {changes} {changes === 1 ? 'term' : 'terms'}
              </button>
            )}
            <button type="button" onClick={() => setPlan(null)}>
              {changes > 0 && !plan.plan.blocked ? 'Cancel' : 'Close'}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
