import { useEffect, useState } from 'preact/hooks';
import type { Glossary } from '../../../glossary/glossary';
import type { GlossaryEntry } from '../../../glossary/schema';
import { pageTerms, showTerm, type ActiveTab, type TabTerms } from '../tab';
import { ResultList } from './ResultList';

/** The terms marked in the reader's tab, with counts; choosing one shows it there. */
export function OnThisPage({ tab, glossary, restricted }: { tab: ActiveTab | null; glossary: Glossary; restricted: boolean }) {
  const [reply, setReply] = useState<TabTerms | null | undefined>(undefined);
  const [order, setOrder] = useState<'page' | 'az'>('page');
  useEffect(() => {
    if (!tab || restricted) return setReply(null);
    void pageTerms(tab.id).then(setReply);
  }, [tab, restricted]);

  if (reply === undefined) return <p class="status">Looking at this page…</p>;
  if (reply === null) return <p class="status">Nothing to show here: this page cannot be read by extensions.</p>;
  if (!reply.active) return <p class="status">Highlighting is off on this page. Turn it on for this site below to see its terms.</p>;
  if (reply.terms.length === 0) return <p class="status">No explained words on this page.</p>;

  const counts = new Map(reply.terms.map((t) => [t.id, t.count]));
  const entries = reply.terms.map((t) => glossary.byId.get(t.id)).filter((e): e is GlossaryEntry => !!e);
  const shown = order === 'az' ? [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' })) : entries;
  const open = async (entry: GlossaryEntry) => {
    const frame = reply.frameOf.get(entry.id);
    if (frame && (await showTerm(tab!.id, frame, entry.id))) window.close();
  };
  return (
    <div class="on-page">
      <div class="row">
        <p class="status" role="status">
          {entries.length} term{entries.length === 1 ? '' : 's'} on this page
        </p>
        <label class="field-label inline" for="order">
          Order
        </label>
        <select id="order" class="select small" value={order} onChange={(e) => setOrder(e.currentTarget.value as 'page' | 'az')}>
          <option value="page">Reading order</option>
          <option value="az">A to Z</option>
        </select>
      </div>
      <ResultList
        entries={shown}
        label="Terms on this page"
        onOpen={(e) => void open(e)}
        note={(e) => `×${counts.get(e.id) ?? 1}`}
        showShort={false}
      />
    </div>
  );
}
