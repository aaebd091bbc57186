import { Icon } from '@/components/ui/icon';
import { dateLabel } from '@/lib/months';
import type { Meeting } from '@/types/domain';
import './meetings.css';

function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The schedule as the seeds keep it: number, date (tentative or not), agenda objectives, outcome, location. */
export function MeetingsTable({
  meetings,
  canEdit,
  onEdit,
  caption,
}: {
  meetings: Meeting[];
  canEdit: boolean;
  onEdit: (meeting: Meeting) => void;
  caption: string;
}) {
  return (
    <div className="meetings-table-wrap panel">
      <table className="meetings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="meetings-table__number">
              #
            </th>
            <th scope="col" className="meetings-table__date">
              Date
            </th>
            <th scope="col">Agenda</th>
            <th scope="col" className="meetings-table__outcome">
              Outcome
            </th>
            <th scope="col" className="meetings-table__location">
              Location
            </th>
            {canEdit ? (
              <th scope="col" className="meetings-table__actions">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => {
            const join = meeting.joinUrl ? safeUrl(meeting.joinUrl) : null;
            return (
              <tr key={meeting.id} data-testid="meeting-row">
                <td className="meetings-table__number">{meeting.number}</td>
                <td className="meetings-table__date">
                  <div className="meeting-date">
                    {meeting.date ? (
                      <span className="meeting-date__day">{dateLabel(meeting.date)}</span>
                    ) : (
                      <span className="muted">Date to be set</span>
                    )}
                    {meeting.time ? (
                      <span className="meeting-date__time">
                        {meeting.time}
                        {meeting.timeZone ? ` ${meeting.timeZone}` : ''}
                      </span>
                    ) : null}
                    {meeting.tentative ? <span className="chip chip--tentative">tentative</span> : null}
                  </div>
                </td>
                <td>
                  {meeting.objectives.length > 0 ? (
                    <ol className="meeting-objectives">
                      {meeting.objectives.map((objective, index) => (
                        <li key={index}>{objective}</li>
                      ))}
                    </ol>
                  ) : (
                    <span className="muted">No agenda yet</span>
                  )}
                </td>
                <td className="meetings-table__outcome">
                  {meeting.outcome || <span className="muted">—</span>}
                </td>
                <td className="meetings-table__location">
                  {meeting.location ? (
                    <span className="meeting-location">
                      <Icon name="pin" /> {meeting.location}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  {join ? (
                    <a className="meeting-join" href={join} target="_blank" rel="noopener noreferrer">
                      Join <Icon name="link" />
                    </a>
                  ) : null}
                </td>
                {canEdit ? (
                  <td className="meetings-table__actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Edit meeting ${meeting.number}`}
                      onClick={() => onEdit(meeting)}
                    >
                      <Icon name="edit" />
                    </button>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
