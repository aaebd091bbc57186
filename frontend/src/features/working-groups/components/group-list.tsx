import { Link } from 'react-router';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { dateLabel, monthRangeLabel } from '@/lib/months';
import type { GroupRole, GroupSummary } from '@/types/domain';
import './group-list.css';

export const roleLabels: Record<GroupRole, string> = {
  CHAIR: 'Chair',
  MEMBER: 'Member',
  OBSERVER: 'Observer',
};

export function GroupTile({ group }: { group: GroupSummary }) {
  const next = group.nextMeeting;
  return (
    <li className="group-tile">
      <div className="group-tile__top">
        <h3 className="group-tile__name">
          <Link to={`/groups/${group.slug}/board`} className="group-tile__link">
            {group.name}
          </Link>
        </h3>
        {group.myRole ? <span className="chip chip--accent">{roleLabels[group.myRole]}</span> : null}
        {group.visibility === 'MEMBERS' ? (
          <span className="chip chip--outline" title="Only members see this group">
            <Icon name="lock" /> Members only
          </span>
        ) : null}
      </div>
      {group.mission ? <p className="group-tile__mission">{group.mission}</p> : null}
      <div className="group-tile__facts">
        {group.planStart && group.planEnd ? (
          <span>
            <Icon name="milestone" /> {monthRangeLabel(group.planStart, group.planEnd)}
          </span>
        ) : null}
        <span data-testid="next-meeting">
          <Icon name="calendar" />{' '}
          {next ? (
            <>
              Meeting {next.number}
              {next.date ? ` · ${dateLabel(next.date)}` : ' · date to be set'}
              {next.tentative ? (
                <span className="chip chip--tentative group-tile__tentative">tentative</span>
              ) : null}
              {next.location ? <span className="muted"> · {next.location}</span> : null}
            </>
          ) : (
            <span className="muted">No meeting planned</span>
          )}
        </span>
      </div>
    </li>
  );
}

export function GroupListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <ul className="group-list" aria-busy="true" aria-label="Loading groups">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="group-tile">
          <Skeleton width="45%" height={20} />
          <Skeleton width="90%" height={14} />
          <Skeleton width="70%" height={14} />
          <Skeleton width="50%" height={14} />
        </li>
      ))}
    </ul>
  );
}

export function GroupList({ groups }: { groups: GroupSummary[] }) {
  return (
    <ul className="group-list">
      {groups.map((group) => (
        <GroupTile key={group.slug} group={group} />
      ))}
    </ul>
  );
}
