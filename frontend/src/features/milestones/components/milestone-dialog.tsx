import { useId, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { Icon } from '@/components/ui/icon';
import { describeError } from '@/lib/api-error';
import { monthLabel, type Month } from '@/lib/months';
import type { Milestone } from '@/types/domain';
import { useUpdateMilestone, type MilestoneFields } from '../api/update-milestone';

/** Members name a month's milestone and its focus: what the head of the column says. */
export function MilestoneDialog({
  slug,
  month,
  milestone,
  onClose,
}: {
  slug: string;
  month: Month;
  milestone: Milestone;
  onClose: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<MilestoneFields>({
    title: milestone.title,
    focus: milestone.focus,
    outcomes: milestone.outcomes,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateMilestone(slug);
  const set = (key: keyof MilestoneFields, value: string) => setFields((f) => ({ ...f, [key]: value }));

  return (
    <Dialog
      title={`Milestone for ${monthLabel(month)}`}
      eyebrow="Month"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button--primary"
            disabled={update.isPending}
          >
            {update.isPending ? 'Saving…' : 'Save'}
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
          setProblem(null);
          update.mutate(
            { month, fields, milestone },
            {
              onSuccess: onClose,
              onError: (error) => setProblem(describeError(error, 'save the milestone').message),
            },
          );
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            Milestone
          </label>
          <input
            id={`${id}-title`}
            className="input"
            maxLength={200}
            value={fields.title}
            placeholder="Software beta"
            onChange={(event) => set('title', event.target.value)}
          />
        </div>
        <TextareaField
          id={`${id}-focus`}
          label="Focus"
          maxLength={500}
          value={fields.focus}
          placeholder="What this month is about"
          onChange={(value) => set('focus', value)}
        />
        <TextareaField
          id={`${id}-outcomes`}
          label="Outcomes"
          value={fields.outcomes}
          onChange={(value) => set('outcomes', value)}
        />
      </form>
    </Dialog>
  );
}
