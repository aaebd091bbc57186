import type { CSSProperties } from 'react';
import { Icon } from '@/components/ui/icon';
import type { Goal } from '@/types/domain';
import './goals.css';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** Goals with their measure of success: target, current and how far along. */
export function GoalList({ goals }: { goals: Goal[] }) {
  return (
    <ul className="goal-list">
      {goals.map((goal) => {
        const { measure } = goal;
        const ratio =
          measure && measure.target && measure.current !== null
            ? Math.max(0, Math.min(1, measure.current / measure.target))
            : null;
        return (
          <li
            key={goal.id}
            className="goal-item"
            style={{ ['--goal-color' as string]: goal.color ?? 'var(--faint)' } as CSSProperties}
          >
            <div className="goal-item__head">
              <span className="goal-dot" aria-hidden="true" />
              <h3>{goal.title}</h3>
            </div>
            {goal.description ? <p className="goal-item__description">{goal.description}</p> : null}
            {measure ? (
              <div className="goal-measure">
                <div className="goal-measure__label">
                  <Icon name="target" /> {measure.label || 'Measure of success'}
                </div>
                <div className="goal-measure__numbers">
                  <span>
                    Current <strong>{measure.current !== null ? number.format(measure.current) : '—'}</strong>
                  </span>
                  <span>
                    Target <strong>{measure.target !== null ? number.format(measure.target) : '—'}</strong>
                  </span>
                </div>
                {ratio !== null ? (
                  <div
                    className="goal-measure__bar"
                    role="progressbar"
                    aria-label={`${goal.title}: progress`}
                    aria-valuemin={0}
                    aria-valuemax={measure.target ?? 0}
                    aria-valuenow={measure.current ?? 0}
                  >
                    <span style={{ width: `${Math.round(ratio * 100)}%` }} />
                  </div>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
