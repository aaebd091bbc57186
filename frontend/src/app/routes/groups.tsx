import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Icon } from '@/components/ui/icon';
import { useMe } from '@/features/auth/api/get-me';
import { useGroups } from '@/features/working-groups/api/get-groups';
import { GroupList, GroupListSkeleton } from '@/features/working-groups/components/group-list';

/** Public groups and mine, each with its mission and next meeting. */
export function GroupsRoute() {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const { data, isPending, isError, error, refetch } = useGroups(query);
  const { data: me } = useMe();
  const mine = data?.items.filter((g) => g.myRole) ?? [];
  const others = data?.items.filter((g) => !g.myRole) ?? [];

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>Working groups</h1>
          <p className="page__lead">
            Each group plans its year as milestones in month columns. Open a board to see where things stand.
          </p>
        </div>
        {me?.roles.includes('admin') ? (
          <Link to="/import" className="button">
            <Icon name="upload" /> New group from a document
          </Link>
        ) : null}
        <div className="groups-search">
          <Icon name="search" />
          <label className="visually-hidden" htmlFor="groups-q">
            Find a group
          </label>
          <input
            id="groups-q"
            className="input"
            type="search"
            placeholder="Find a group…"
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
      </div>
      {isPending ? (
        <section className="section">
          <h2 className="section__title">Groups</h2>
          <GroupListSkeleton />
        </section>
      ) : isError ? (
        <ErrorPanel error={error} doing="load the groups" onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <EmptyState icon="users" title={query ? `No group matches “${query}”` : 'No working groups yet'}>
          {query ? 'Try another word.' : 'An administrator creates groups; they will show up here.'}
        </EmptyState>
      ) : (
        <>
          {mine.length > 0 ? (
            <section className="section" aria-labelledby="mine-heading">
              <h2 className="section__title" id="mine-heading">
                Your groups
              </h2>
              <GroupList groups={mine} />
            </section>
          ) : null}
          {others.length > 0 ? (
            <section className="section" aria-labelledby="public-heading">
              <h2 className="section__title" id="public-heading">
                {mine.length > 0 ? 'Other public groups' : 'Public groups'}
              </h2>
              <GroupList groups={others} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

export default GroupsRoute;
