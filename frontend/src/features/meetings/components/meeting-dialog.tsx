import { useId, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { Icon } from '@/components/ui/icon';
import { describeError, isApiError } from '@/lib/api-error';
import { toCalendarDate } from '@/lib/months';
import type { Meeting, MeetingFields } from '@/types/domain';
import { useDeleteMeeting, useSaveMeeting } from '../api/meetings';

function fieldsOf(meeting: Meeting | null): MeetingFields {
  return {
    number: meeting?.number ?? null,
    date: meeting?.date ?? null,
    time: meeting?.time ?? null,
    timeZone: meeting?.timeZone ?? '',
    tentative: meeting?.tentative ?? true,
    location: meeting?.location ?? '',
    joinUrl: meeting?.joinUrl ?? '',
    objectives: meeting?.objectives ?? [],
    outcome: meeting?.outcome ?? '',
    minutes: meeting?.minutes ?? '',
    cardIds: meeting?.cardIds ?? [],
  };
}

/** Create or edit a meeting (members). Objectives are one per line, as agendas are written. */
export function MeetingDialog({
  slug,
  meeting,
  onClose,
}: {
  slug: string;
  meeting: Meeting | null;
  onClose: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<MeetingFields>(() => fieldsOf(meeting));
  const [objectives, setObjectives] = useState(() => fields.objectives.join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSaveMeeting(slug);
  const remove = useDeleteMeeting(slug);
  const set = <K extends keyof MeetingFields>(key: K, value: MeetingFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.fieldError(field) : undefined);

  const submit = () => {
    setProblem(null);
    save.mutate(
      { meeting, fields: { ...fields, objectives: objectives.split('\n') } },
      {
        onSuccess: onClose,
        onError: (error) => setProblem(describeError(error, 'save the meeting').message),
      },
    );
  };

  return (
    <Dialog
      title={meeting ? `Meeting ${meeting.number}` : 'New meeting'}
      eyebrow={meeting ? 'Edit meeting' : 'Schedule'}
      onClose={onClose}
      footer={
        <>
          {meeting ? (
            <button
              type="button"
              className="button button--danger card-dialog__delete"
              style={{ marginRight: 'auto' }}
              onClick={() => {
                if (window.confirm(`Delete meeting ${meeting.number}?`)) {
                  remove.mutate(meeting, { onSuccess: onClose });
                }
              }}
            >
              <Icon name="trash" /> Delete
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            disabled={save.isPending}
          >
            {save.isPending ? 'Saving…' : meeting ? 'Save changes' : 'Add meeting'}
          </button>
        </>
      }
    >
      {problem ? (
        <div className="card-dialog__problem" role="alert">
          <Icon name="alert" />
          <p>{problem}</p>
        </div>
      ) : null}
      <form
        id={`${id}-form`}
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-number`}>
              Number
            </label>
            <input
              id={`${id}-number`}
              className="input"
              type="number"
              min={1}
              value={fields.number ?? ''}
              placeholder="Next free"
              aria-invalid={fieldError('number') ? true : undefined}
              onChange={(event) => set('number', event.target.value ? Number(event.target.value) : null)}
            />
            {fieldError('number') ? <span className="field__error">{fieldError('number')}</span> : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-date`}>
              Date
            </label>
            <input
              id={`${id}-date`}
              className="input"
              type="date"
              value={fields.date?.iso ?? ''}
              onChange={(event) =>
                set('date', event.target.value ? toCalendarDate(event.target.value) : null)
              }
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-time`}>
              Time
            </label>
            <input
              id={`${id}-time`}
              className="input"
              type="time"
              value={fields.time ?? ''}
              onChange={(event) => set('time', event.target.value || null)}
            />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-tz`}>
              Time zone
            </label>
            <input
              id={`${id}-tz`}
              className="input"
              value={fields.timeZone}
              placeholder="UTC"
              onChange={(event) => set('timeZone', event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-location`}>
              Location
            </label>
            <input
              id={`${id}-location`}
              className="input"
              value={fields.location}
              placeholder="Virtual"
              onChange={(event) => set('location', event.target.value)}
            />
          </div>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={fields.tentative}
            onChange={(event) => set('tentative', event.target.checked)}
          />
          The date is tentative
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-join`}>
            Join link
          </label>
          <input
            id={`${id}-join`}
            className="input"
            type="url"
            value={fields.joinUrl}
            placeholder="https://…"
            onChange={(event) => set('joinUrl', event.target.value)}
          />
        </div>
        <TextareaField
          id={`${id}-objectives`}
          label="Agenda objectives"
          hint="One objective per line."
          rows={5}
          value={objectives}
          onChange={setObjectives}
        />
        <TextareaField
          id={`${id}-outcome`}
          label="Outcome"
          value={fields.outcome}
          onChange={(value) => set('outcome', value)}
        />
        <TextareaField
          id={`${id}-minutes`}
          label="Minutes"
          rows={4}
          value={fields.minutes}
          onChange={(value) => set('minutes', value)}
        />
      </form>
    </Dialog>
  );
}
