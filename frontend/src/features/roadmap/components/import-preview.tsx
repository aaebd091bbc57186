import { Icon } from '@/components/ui/icon';
import { dateLabel, monthLabel, monthRangeLabel } from '@/lib/months';
import type { ImportPreview } from '@/types/domain';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a document would create (goals, phases, months with their cards, backlog, meetings) and what was not understood. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { counts, group } = preview;
  return (
    <div className="import-preview" data-testid="import-preview">
      <dl className="import-counts">
        <div>
          <dt>Goals</dt>
          <dd>{counts.goals}</dd>
        </div>
        <div>
          <dt>Phases</dt>
          <dd>{counts.phases}</dd>
        </div>
        <div>
          <dt>Months</dt>
          <dd>{counts.months}</dd>
        </div>
        <div>
          <dt>Cards</dt>
          <dd>{counts.cards}</dd>
        </div>
        <div>
          <dt>In the backlog</dt>
          <dd>{counts.backlogCards}</dd>
        </div>
        <div>
          <dt>Meetings</dt>
          <dd>{counts.meetings}</dd>
        </div>
      </dl>
      <p className="import-preview__group">
        <strong>{group.name || 'Untitled document'}</strong>
        {group.planStart && group.planEnd ? ` · plan ${monthRangeLabel(group.planStart, group.planEnd)}` : ''}
        {group.slug ? <span className="muted"> · suggested address /groups/{group.slug}</span> : null}
      </p>

      {preview.problems.length > 0 ? (
        <div className="import-note import-note--danger" role="alert">
          <Icon name="alert" />
          <div>
            <p>
              <strong>
                {plural(preview.problems.length, 'problem stops', 'problems stop')} the import; nothing would
                be created:
              </strong>
            </p>
            <ul>
              {preview.problems.map((p, i) => (
                <li key={i}>
                  {p.field ? <code>{p.field}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      {preview.warnings.length > 0 ? (
        <details className="import-warnings" open={preview.warnings.length <= 5}>
          <summary>
            <Icon name="info" /> {plural(preview.warnings.length, 'part was', 'parts were')} not understood
            and would be left out
          </summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>
                <span className="import-warnings__line">
                  {w.line !== null ? `Line ${w.line}` : 'Document'}
                </span>
                <q className="import-warnings__text">{w.text}</q>
                <span className="muted"> — {w.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="import-preview__ok">
          <Icon name="check" /> Every part of the document was understood.
        </p>
      )}

      {preview.months.length > 0 || preview.backlog.length > 0 ? (
        <section className="import-section" aria-label="Months and cards">
          <h4>Months and cards</h4>
          <ul className="import-months">
            {preview.months.map((m) => (
              <li key={m.month.key}>
                <p>
                  <strong>{monthLabel(m.month)}</strong>
                  {m.title ? ` — ${m.title}` : ''}{' '}
                  <span className="muted">({plural(m.cards.length, 'card', 'cards')})</span>
                </p>
                {m.cards.length > 0 ? (
                  <ul>
                    {m.cards.map((title, i) => (
                      <li key={i}>{title}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
            {preview.backlog.length > 0 ? (
              <li>
                <p>
                  <strong>Backlog</strong>{' '}
                  <span className="muted">({plural(preview.backlog.length, 'card', 'cards')})</span>
                </p>
                <ul>
                  {preview.backlog.map((title, i) => (
                    <li key={i}>{title}</li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {preview.goals.length > 0 ? (
        <section className="import-section" aria-label="Goals">
          <h4>Goals</h4>
          <ul>
            {preview.goals.map((g, i) => (
              <li key={i}>
                {g.title}
                {g.measure ? <span className="muted"> — measured by {g.measure}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview.phases.length > 0 ? (
        <section className="import-section" aria-label="Phases">
          <h4>Phases</h4>
          <ul>
            {preview.phases.map((p, i) => (
              <li key={i}>
                {p.name}
                {p.start && p.end ? (
                  <span className="muted"> — {monthRangeLabel(p.start, p.end)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {preview.meetings.length > 0 ? (
        <section className="import-section" aria-label="Meetings">
          <h4>Meetings</h4>
          <ul>
            {preview.meetings.map((m, i) => (
              <li key={i}>
                {m.number !== null ? `#${m.number} ` : ''}
                {m.date ? dateLabel(m.date) : 'date to be set'}
                {m.time ? ` ${m.time}` : ''}
                {m.tentative ? ' (tentative)' : ''}
                {m.objectives.length > 0 ? <span className="muted"> — {m.objectives.join('; ')}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
