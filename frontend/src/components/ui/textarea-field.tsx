import type { TextareaHTMLAttributes } from 'react';

interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  onChange: (value: string) => void;
}

/** A labelled multi-line text field in the forms' layout (label above, optional hint below). */
export function TextareaField({ id, label, hint, onChange, rows = 3, ...rest }: TextareaFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="textarea"
        rows={rows}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
      {hint ? <span className="field__hint">{hint}</span> : null}
    </div>
  );
}
