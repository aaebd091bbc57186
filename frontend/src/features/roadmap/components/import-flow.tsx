import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Icon } from '@/components/ui/icon';
import { signInUrl } from '@/config/env';
import { describeError, isApiError } from '@/lib/api-error';
import { compareMonths, monthRangeLabel, type Month } from '@/lib/months';
import type { ImportPreview, ImportResult, Visibility } from '@/types/domain';
import {
  MAX_DOCUMENT_BYTES,
  useImportAsNewGroup,
  useImportIntoGroup,
  usePreviewImport,
  type NewGroupOptions,
} from '../api/roadmap';
import { ImportPreviewView } from './import-preview';
import { ExportButton } from './export-button';
import './roadmap.css';

/** Where the document goes: into an existing group (replacing its plan), or into a new group (administrators). */
export type ImportTarget =
  | {
      kind: 'group';
      slug: string;
      name: string;
      planStart: Month;
      planEnd: Month;
      /** Chairs (and admins) may widen the plan; other members may not. */
      canManage: boolean;
    }
  | { kind: 'new' };

type Step = 'document' | 'preview' | 'done';

const steps: { id: Step; label: string }[] = [
  { id: 'document', label: 'Document' },
  { id: 'preview', label: 'Preview' },
  { id: 'done', label: 'Imported' },
];

/** A refusal in words: problem+json through the error module; the parts of the document it names, one by one. */
function Problem({ error, doing }: { error: unknown; doing: string }) {
  const description = describeError(error, doing);
  const fields = isApiError(error) ? error.fieldErrors : [];
  // A conflict here is a taken slug or a plan only a chair may widen: the board has nothing to show.
  const message =
    isApiError(error) && error.kind === 'conflict'
      ? `Could not ${doing}: ${error.detail ?? error.title}`
      : fields.length > 1
        ? `Could not ${doing}: the document has ${fields.length} problems.`
        : description.message;
  return (
    <div className="import-problem" role="alert">
      <Icon name="alert" />
      <div>
        <p className="import-problem__title">
          {isApiError(error) && error.kind === 'conflict' ? 'Not imported' : description.title}
        </p>
        <p>{message}</p>
        {fields.length > 1 ? (
          <ul>
            {fields.map((f, i) => (
              <li key={i}>
                {f.field ? <code>{f.field}</code> : null} {f.message}
              </li>
            ))}
          </ul>
        ) : null}
        {description.signIn ? (
          <a
            className="button button--small"
            href={signInUrl(window.location.pathname + window.location.search)}
          >
            Sign in
          </a>
        ) : null}
      </div>
    </div>
  );
}

function outsidePlan(preview: ImportPreview, target: ImportTarget) {
  const { planStart, planEnd } = preview.group;
  if (target.kind !== 'group' || preview.months.length === 0 || !planStart || !planEnd) {
    return null;
  }
  const before = compareMonths(planStart, target.planStart) < 0;
  const after = compareMonths(planEnd, target.planEnd) > 0;
  if (!before && !after) {
    return null;
  }
  const widened = {
    start: before ? planStart : target.planStart,
    end: after ? planEnd : target.planEnd,
  };
  return {
    document: monthRangeLabel(planStart, planEnd),
    widened: monthRangeLabel(widened.start, widened.end),
  };
}

/**
 * A planning document into the board: paste it or choose a file, see what would be created and what was not
 * understood, then import it all or nothing.
 */
export function ImportFlow({
  target,
  boardHref,
}: {
  target: ImportTarget;
  boardHref: (slug: string) => string;
}) {
  const id = useId();
  const [step, setCurrentStep] = useState<Step>('document');
  const [document, setDocument] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [sourceProblem, setSourceProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [options, setOptions] = useState<NewGroupOptions>({ slug: '', name: '', visibility: 'PUBLIC' });
  const previewing = usePreviewImport();
  const intoGroup = useImportIntoGroup(target.kind === 'group' ? target.slug : '');
  const asGroup = useImportAsNewGroup();
  const importing = target.kind === 'group' ? intoGroup : asGroup;
  // After a step changes, keyboard focus starts on the new step's heading (and it is read out).
  const moved = useRef(false);
  const heading = useCallback((element: HTMLHeadingElement | null) => {
    if (element && moved.current) {
      element.focus();
    }
  }, []);
  const setStep = (next: Step) => {
    moved.current = true;
    setCurrentStep(next);
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setSourceProblem(null);
    if (!file) {
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      setSourceProblem(
        `'${file.name}' is ${(file.size / 1024 / 1024).toFixed(1)} MB; a roadmap document may be at most 1 MB.`,
      );
      return;
    }
    setFileName(file.name);
    setDocument(await file.text());
  }

  function showPreview(event: FormEvent) {
    event.preventDefault();
    setSourceProblem(null);
    if (!document.trim()) {
      setSourceProblem('Paste the document or choose a file first.');
      return;
    }
    if (new Blob([document]).size > MAX_DOCUMENT_BYTES) {
      setSourceProblem('The document is larger than 1 MB, the most an import takes.');
      return;
    }
    previewing.mutate(document, {
      onSuccess: (answer) => {
        setPreview(answer);
        setOptions((o) => ({ ...o, slug: o.slug || answer.group.slug, name: o.name || answer.group.name }));
        importing.reset();
        setStep('preview');
      },
    });
  }

  function runImport() {
    const done = (answer: ImportResult) => {
      setResult(answer);
      setStep('done');
    };
    if (target.kind === 'group') {
      intoGroup.mutate(document, { onSuccess: done });
    } else {
      asGroup.mutate({ document, options }, { onSuccess: done });
    }
  }

  const widening = preview ? outsidePlan(preview, target) : null;
  const blockedByPlan = widening !== null && target.kind === 'group' && !target.canManage;
  const blocked = !preview || preview.problems.length > 0 || blockedByPlan;
  const current = steps.findIndex((s) => s.id === step);

  return (
    <div className="import-flow">
      <ol className="import-steps" aria-label="Import steps">
        {steps.map((s, index) => (
          <li
            key={s.id}
            className={`import-steps__step${index < current ? ' is-done' : ''}`}
            aria-current={s.id === step ? 'step' : undefined}
          >
            <span className="import-steps__number" aria-hidden="true">
              {index < current ? <Icon name="check" /> : index + 1}
            </span>
            {s.label}
          </li>
        ))}
      </ol>

      {step === 'document' ? (
        <form className="panel import-panel" onSubmit={showPreview} aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
            The roadmap document
          </h3>
          <p className="muted">
            A Markdown or plain-text plan: one exported from Milepost, or a planning document your community
            wrote (months as headings or numbered bold names, cards as bullets, goals, phases, meeting
            tables).
          </p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              Choose a file
            </label>
            <input
              id={`${id}-file`}
              className="input import-panel__file"
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              onChange={(event) => void chooseFile(event)}
            />
            {fileName ? (
              <span className="field__hint">Read from {fileName}; edit it below if needed.</span>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-text`}>
              Or paste it here
            </label>
            <textarea
              id={`${id}-text`}
              className="textarea import-panel__text"
              value={document}
              onChange={(event) => setDocument(event.target.value)}
              placeholder={
                '# Core Infrastructure Roadmap working group\n\n## Key Milestones\n\n1. **May:**\n   * Create Rough Draft of Comms Plan'
              }
              spellCheck={false}
              aria-invalid={sourceProblem ? true : undefined}
              aria-describedby={sourceProblem ? `${id}-source-problem` : undefined}
            />
            {sourceProblem ? (
              <span className="field__error" id={`${id}-source-problem`} role="alert">
                {sourceProblem}
              </span>
            ) : null}
          </div>
          {previewing.isError ? <Problem error={previewing.error} doing="preview the import" /> : null}
          <div className="import-panel__actions">
            <button type="submit" className="button button--primary" disabled={previewing.isPending}>
              {previewing.isPending ? 'Reading the document…' : 'Preview the import'}
            </button>
          </div>
        </form>
      ) : null}

      {step === 'preview' && preview ? (
        <section
          className="panel import-panel"
          aria-labelledby={`${id}-heading`}
          aria-busy={importing.isPending}
        >
          <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
            What the import would do
          </h3>
          {target.kind === 'group' ? (
            <div className="import-note import-note--warning">
              <Icon name="alert" />
              <div>
                <p>
                  <strong>This replaces the plan of {target.name}:</strong> its goals, phases, cards and
                  meetings, and each month&apos;s title, focus and outcomes. Its name, mission, description,
                  visibility and members stay. Cards get new ids, so links to cards stop working.
                </p>
                <p>Keep a copy of the current plan first if you may want it back.</p>
                <ExportButton slug={target.slug} label="Download the current roadmap" small />
              </div>
            </div>
          ) : null}
          {widening ? (
            target.kind === 'group' && target.canManage ? (
              <div className="import-note">
                <Icon name="info" />
                <p>
                  The document covers {widening.document}: the group&apos;s plan will be widened to{' '}
                  {widening.widened}.
                </p>
              </div>
            ) : (
              <div className="import-note import-note--danger" role="alert">
                <Icon name="alert" />
                <p>
                  The document covers {widening.document}, beyond the group&apos;s plan. Only a chair can
                  import it (the plan is widened); ask a chair, or remove those months from the document.
                </p>
              </div>
            )
          ) : null}

          <ImportPreviewView preview={preview} />

          {target.kind === 'new' ? (
            <fieldset className="import-options" disabled={importing.isPending}>
              <legend>The new group</legend>
              <div className="form-row">
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-name`}>
                    Name
                  </label>
                  <input
                    id={`${id}-name`}
                    className="input"
                    value={options.name}
                    maxLength={200}
                    onChange={(event) => setOptions({ ...options, name: event.target.value })}
                  />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-slug`}>
                    Address (slug)
                  </label>
                  <input
                    id={`${id}-slug`}
                    className="input"
                    value={options.slug}
                    aria-describedby={`${id}-slug-hint`}
                    aria-invalid={isApiError(asGroup.error) && !!asGroup.error.fieldError('slug')}
                    onChange={(event) => setOptions({ ...options, slug: event.target.value })}
                  />
                  <span className="field__hint" id={`${id}-slug-hint`}>
                    /groups/{options.slug || '…'} — lowercase letters, digits and dashes
                  </span>
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-visibility`}>
                    Who can see it
                  </label>
                  <select
                    id={`${id}-visibility`}
                    className="select"
                    value={options.visibility}
                    onChange={(event) =>
                      setOptions({ ...options, visibility: event.target.value as Visibility })
                    }
                  >
                    <option value="PUBLIC">Everyone (public)</option>
                    <option value="MEMBERS">Members only</option>
                  </select>
                </div>
              </div>
            </fieldset>
          ) : null}

          {importing.isError ? (
            <Problem
              error={importing.error}
              doing={target.kind === 'group' ? 'import the roadmap' : 'create the group'}
            />
          ) : null}
          {importing.isPending ? (
            <div className="import-progress" role="status">
              <span className="import-progress__bar" aria-hidden="true" />
              Importing… All or nothing: if any part fails, nothing changes.
            </div>
          ) : null}
          <div className="import-panel__actions">
            <button
              type="button"
              className="button"
              onClick={() => setStep('document')}
              disabled={importing.isPending}
            >
              <Icon name="chevronLeft" /> Back to the document
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={runImport}
              disabled={blocked || importing.isPending}
            >
              {importing.isPending
                ? 'Importing…'
                : target.kind === 'group'
                  ? 'Replace the plan with this document'
                  : 'Create the group'}
            </button>
          </div>
          {preview.problems.length > 0 ? (
            <p className="field__error">
              Fix the problems listed above in the document, then preview it again.
            </p>
          ) : null}
        </section>
      ) : null}

      {step === 'done' && result ? (
        <section className="panel import-panel" aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
            <Icon name="check" /> {target.kind === 'group' ? 'Roadmap imported' : `${result.name} created`}
          </h3>
          <p>
            {result.counts.cards} {result.counts.cards === 1 ? 'card' : 'cards'}, {result.counts.goals} goals,{' '}
            {result.counts.phases} phases and {result.counts.meetings} meetings
            {result.planStart && result.planEnd
              ? `, planned ${monthRangeLabel(result.planStart, result.planEnd)}`
              : ''}
            .
          </p>
          {result.warnings.length > 0 ? (
            <p className="muted">
              {result.warnings.length} {result.warnings.length === 1 ? 'part' : 'parts'} of the document{' '}
              {result.warnings.length === 1 ? 'was' : 'were'} not understood and left out (listed in the
              preview).
            </p>
          ) : null}
          <div className="import-panel__actions">
            <Link className="button button--primary" to={boardHref(result.slug)}>
              Open the board
            </Link>
          </div>
        </section>
      ) : null}
    </div>
  );
}

export default ImportFlow;
