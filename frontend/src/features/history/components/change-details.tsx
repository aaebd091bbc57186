import { fieldLabel, formatValue, isLongValue, orderedDiff, type ValueContext } from '../lib/change-text';
import type { Change } from '@/types/domain';

function Value({ value, kind }: { value: string | null; kind: 'from' | 'to' }) {
  return value === null ? (
    <span className={`change-value change-value--${kind} change-value--none`}>none</span>
  ) : (
    <span className={`change-value change-value--${kind}`}>{value}</span>
  );
}

/** Each field an edit changed, from what to what; long texts (descriptions) on request, before and after in full. */
export function ChangeDetails({ change, context }: { change: Change; context?: ValueContext }) {
  if (change.action !== 'UPDATED' || change.diff.length === 0) {
    return null;
  }
  return (
    <dl className="change-details">
      {orderedDiff(change.diff).map(({ field, from, to }) => {
        const before = formatValue(field, from, context);
        const after = formatValue(field, to, context);
        const label = fieldLabel(field);
        return (
          <div key={field} className="change-details__row">
            <dt>{label}</dt>
            <dd>
              {isLongValue(before) || isLongValue(after) ? (
                <details className="change-details__long">
                  <summary>Show the change</summary>
                  <p className="change-details__caption">Before</p>
                  <div className="change-details__text">
                    <Value value={before} kind="from" />
                  </div>
                  <p className="change-details__caption">After</p>
                  <div className="change-details__text">
                    <Value value={after} kind="to" />
                  </div>
                </details>
              ) : (
                <>
                  <span className="visually-hidden">from </span>
                  <Value value={before} kind="from" />
                  <span className="change-details__arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span className="visually-hidden"> to </span>
                  <Value value={after} kind="to" />
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
