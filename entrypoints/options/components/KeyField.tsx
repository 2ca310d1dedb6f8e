import { useState } from 'preact/hooks';
import { describeShortcut, shortcutFromEvent } from '../../../utils/shortcuts';

/**
 * Shows a key combination and records a new one: the reader presses "Change", then the keys.
 * Tab still moves on and Escape cancels, so the keyboard is never trapped here.
 */
export function KeyField({ id, label, value, check, onChange }: { id: string; label: string; value: string; check: (spec: string) => string | null; onChange: (spec: string) => void }) {
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState('');
  const onKeyDown = (e: KeyboardEvent) => {
    if (!recording) return;
    if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) return setRecording(false);
    e.preventDefault();
    if (e.key === 'Escape') {
      setRecording(false);
      return setMessage('Not changed.');
    }
    const spec = shortcutFromEvent(e);
    if (!spec) return; // a modifier alone: wait for the rest
    const problem = check(spec);
    if (problem) return setMessage(problem);
    setRecording(false);
    setMessage(`Now ${describeShortcut(spec)}.`);
    onChange(spec);
  };
  return (
    <div class="key-field">
      <span id={`${id}-label`} class="key-label">
        {label}
      </span>
      <div class="row">
        <kbd id={`${id}-value`}>{describeShortcut(value)}</kbd>
        <button
          id={id}
          type="button"
          class={recording ? 'recording' : undefined}
          aria-labelledby={`${id}-label ${id}-value ${id}`}
          aria-describedby={`${id}-message`}
          onClick={() => {
            setRecording(!recording);
            setMessage(recording ? 'Not changed.' : 'Press the new keys now, for example Alt and Shift and N. Escape cancels.');
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setRecording(false)}
        >
          {recording ? 'Press keys…' : 'Change'}
        </button>
      </div>
      <p id={`${id}-message`} class="hint" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
