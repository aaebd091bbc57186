import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { useGoals } from '@/features/goals/api/get-goals';
import { GoalList } from '@/features/goals/components/goal-list';
import { useMembers } from '@/features/members/api/members';
import { MemberList } from '@/features/members/components/member-list';
import { ExportButton } from '@/features/roadmap/components/export-button';
import { useGroup } from '@/features/working-groups/api/get-group';

const Markdown = lazy(() => import('@/components/markdown/markdown'));

/** The group: mission, description, goals with measures of success, members and roles, the roadmap as a document. */
export function GroupAboutRoute() {
  const { slug = '' } = useParams();
  const group = useGroup(slug);
  const goals = useGoals(slug);
  const members = useMembers(slug);

  return (
    <div className="page">
      <section className="section" aria-labelledby="mission-heading">
        <h2 className="section__title" id="mission-heading">
          Mission
        </h2>
        {group.isPending ? (
          <div className="panel" style={{ padding: 24, display: 'grid', gap: 8 }}>
            <Skeleton width="90%" />
            <Skeleton width="75%" />
          </div>
        ) : group.data ? (
          <div className="panel" style={{ padding: 24, display: 'grid', gap: 16 }}>
            <p className="mission" style={{ fontSize: '1.05rem', lineHeight: 1.6 }}>
              {group.data.mission || <span className="muted">No mission written yet.</span>}
            </p>
            {group.data.description ? (
              <Suspense fallback={<Skeleton width="60%" />}>
                <Markdown source={group.data.description} />
              </Suspense>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="goals-heading">
        <h2 className="section__title" id="goals-heading">
          Goals
        </h2>
        {goals.isPending ? (
          <Skeleton height={120} />
        ) : goals.isError ? (
          <ErrorPanel error={goals.error} doing="load the goals" onRetry={() => void goals.refetch()} />
        ) : goals.data.length === 0 ? (
          <div className="panel">
            <EmptyState icon="target" title="No goals yet" />
          </div>
        ) : (
          <GoalList goals={goals.data} />
        )}
      </section>

      <section className="section" aria-labelledby="roadmap-heading">
        <h2 className="section__title" id="roadmap-heading">
          Roadmap document
        </h2>
        <div className="panel roadmap-document">
          <p>
            The whole plan (mission, goals, phases, months with their cards, backlog, meetings) as one
            Markdown file, to keep in your own Git repository or share. The same plan always gives the same
            file.
          </p>
          <div className="roadmap-document__actions">
            <ExportButton slug={slug} />
            {group.data?.canEdit ? (
              <Link to="../import" relative="path" className="button">
                <Icon name="upload" /> Import a document…
              </Link>
            ) : null}
          </div>
        </div>
      </section>

      <section className="section" aria-labelledby="members-heading">
        <h2 className="section__title" id="members-heading">
          Members
        </h2>
        {members.isPending ? (
          <Skeleton height={160} />
        ) : members.isError ? (
          <ErrorPanel error={members.error} doing="load the members" onRetry={() => void members.refetch()} />
        ) : (
          <MemberList slug={slug} members={members.data} canManage={group.data?.canManage ?? false} />
        )}
      </section>
    </div>
  );
}

export default GroupAboutRoute;
