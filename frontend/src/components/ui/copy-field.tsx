import { useId, useRef, useState } from 'react';
import { Icon } from './icon';

/**
 * A read-only value (a link) with a Copy button. Where the clipboard is not available the text is selected, and the
 * person is told to copy it themselves. The outcome is announced politely.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          id={id}
          ref={input}
          className="input copy-field__input"
          value={value}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          <Icon name="copy" /> Copy
        </button>
      </div>
      <span className="field__hint" role="status">
        {status}
      </span>
    </div>
  );
}
