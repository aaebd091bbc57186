import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/api/get-me';
import { useGroup } from '@/features/working-groups/api/get-group';
import { roleLabels } from '@/features/working-groups/components/group-list';
import { monthRangeLabel } from '@/lib/months';
import './group-layout.css';

// Others' changes as they happen: loaded after the first page, it opens the group's live stream.
const LiveNotices = lazy(() => import('@/features/history/components/live-notices'));

/** A group's frame: its name and plan, the tabs Board, Meetings, Activity, Group, and others' changes as they happen. */
export function GroupLayout() {
  const { slug = '' } = useParams();
  const { data: group, isPending, isError, error, refetch } = useGroup(slug);
  const { data: me, isPending: meIsPending } = useMe();

  if (isError) {
    return (
      <div className="page">
        <ErrorPanel error={error} doing="open this group" onRetry={() => void refetch()} />
      </div>
    );
  }
  return (
    <div className="group-frame">
      <div className="group-header">
        <div className="group-header__title">
          {isPending ? (
            <Skeleton width={280} height={26} />
          ) : (
            <>
              <h1 className="group-header__name">{group.name}</h1>
              <span className="group-header__plan">
                <Icon name="milestone" /> {monthRangeLabel(group.planStart, group.planEnd)}
              </span>
              {group.visibility === 'MEMBERS' ? (
                <span className="chip chip--outline">
                  <Icon name="lock" /> Members only
                </span>
              ) : (
                <span className="chip chip--outline">
                  <Icon name="globe" /> Public
                </span>
              )}
              {group.myRole ? <span className="chip chip--accent">{roleLabels[group.myRole]}</span> : null}
            </>
          )}
        </div>
        <nav className="tabs" aria-label="Group">
          <NavLink to="board" className="tabs__tab">
            Board
          </NavLink>
          <NavLink to="meetings" className="tabs__tab">
            Meetings
          </NavLink>
          <NavLink to="activity" className="tabs__tab">
            Activity
          </NavLink>
          <NavLink to="about" className="tabs__tab">
            Group
          </NavLink>
        </nav>
      </div>
      <Outlet />
      {group && !meIsPending ? (
        <Suspense fallback={null}>
          <LiveNotices slug={slug} me={me?.subject ?? null} />
        </Suspense>
      ) : null}
    </div>
  );
}

export default GroupLayout;
