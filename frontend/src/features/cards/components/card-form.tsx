import { useId, useState } from 'react';
import { statusLabels, statuses } from '@/components/ui/status-chip';
import { Markdown } from '@/components/markdown/markdown';
import { isApiError } from '@/lib/api-error';
import type { Card, CardFields, CardStatus, Goal } from '@/types/domain';

export function fieldsOf(card: Card): CardFields {
  return {
    title: card.title,
    description: card.description,
    status: card.status,
    responsible: card.responsible,
    support: card.support,
    deliverable: card.deliverable,
    goalId: card.goalId,
  };
}

interface CardFormProps {
  id: string;
  value: CardFields;
  goals: Goal[];
  onChange: (value: CardFields) => void;
  onSubmit: () => void;
  error?: unknown;
}

/** Every editable field of a card. The description is Markdown, with a preview. */
export function CardForm({ id, value, goals, onChange, onSubmit, error }: CardFormProps) {
  const prefix = useId();
  const [preview, setPreview] = useState(false);
  const fieldError = (field: string) => (isApiError(error) ? error.fieldError(field) : undefined);
  const set = <K extends keyof CardFields>(key: K, v: CardFields[K]) => onChange({ ...value, [key]: v });

  const text = (key: 'title' | 'responsible' | 'support' | 'deliverable', label: string, hint?: string) => {
    const problem = fieldError(key);
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${prefix}-${key}`}>
          {label}
        </label>
        <input
          id={`${prefix}-${key}`}
          className="input"
          value={value[key]}
          required={key === 'title'}
          maxLength={key === 'deliverable' ? 500 : 200}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => set(key, event.target.value)}
        />
        {problem ? (
          <span className="field__error">{problem}</span>
        ) : hint ? (
          <span className="field__hint">{hint}</span>
        ) : null}
      </div>
    );
  };

  return (
    <form
      id={id}
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {text('title', 'Title')}
      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={`${prefix}-status`}>
            Status
          </label>
          <select
            id={`${prefix}-status`}
            className="select"
            value={value.status}
            onChange={(event) => set('status', event.target.value as CardStatus)}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${prefix}-goal`}>
            Goal
          </label>
          <select
            id={`${prefix}-goal`}
            className="select"
            value={value.goalId ?? ''}
            onChange={(event) => set('goalId', event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">No goal</option>
            {goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goal.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        {text('responsible', 'Responsible', 'Who drives it')}
        {text('support', 'Support', 'Who helps')}
      </div>
      {text('deliverable', 'Deliverable', 'What exists when it is done')}
      <div className="field">
        <div className="field__label-row">
          <label className="field__label" htmlFor={`${prefix}-description`}>
            Description
          </label>
          <div className="segmented" role="group" aria-label="Description view">
            <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
              Write
            </button>
            <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
              Preview
            </button>
          </div>
        </div>
        {preview ? (
          <div className="card-form__preview">
            {value.description ? (
              <Markdown source={value.description} />
            ) : (
              <p className="muted">Nothing to preview.</p>
            )}
          </div>
        ) : (
          <textarea
            id={`${prefix}-description`}
            className="textarea"
            rows={8}
            value={value.description}
            onChange={(event) => set('description', event.target.value)}
          />
        )}
        <span className="field__hint">
          Markdown: **bold**, _italic_, lists, [links](https://example.org).
        </span>
      </div>
    </form>
  );
}
