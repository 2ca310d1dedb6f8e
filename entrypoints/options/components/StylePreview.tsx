import { useEffect, useRef } from 'preact/hooks';
import { HIGHLIGHT_NAMES } from '../../content/painter';
import type { HighlightStyle } from '../../../utils/settings';

const SAMPLE = 'Low levels of serotonin may change how pain feels.';
const TERM = 'serotonin';

/** The chosen highlight style, painted with the same Highlight API and names as on web pages. */
export function StylePreview({ style }: { style: HighlightStyle }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const text = ref.current?.firstChild;
    if (!text || typeof Highlight === 'undefined') return;
    const start = SAMPLE.indexOf(TERM);
    const range = new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: start + TERM.length });
    const name = HIGHLIGHT_NAMES[style];
    CSS.highlights.set(name, new Highlight(range));
    return () => void CSS.highlights.delete(name);
  }, [style]);
  return (
    <div class="preview" aria-label="Preview of the highlight style">
      <p ref={ref} class="sample">
        {SAMPLE}
      </p>
    </div>
  );
}
