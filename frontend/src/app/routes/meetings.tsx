import { useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/auth/api/get-me';
import { SubscribeDialog } from '@/features/calendar/components/subscribe-dialog';
import { useMeetings, type When } from '@/features/meetings/api/meetings';
import { MeetingDialog } from '@/features/meetings/components/meeting-dialog';
import { MeetingsTable } from '@/features/meetings/components/meetings-table';
import { useGroup } from '@/features/working-groups/api/get-group';
import type { Meeting } from '@/types/domain';

function MeetingSection({
  slug,
  when,
  title,
  canEdit,
  onEdit,
  empty,
}: {
  slug: string;
  when: When;
  title: string;
  canEdit: boolean;
  onEdit: (meeting: Meeting) => void;
  empty: string;
}) {
  const { data, isPending, isError, error, refetch } = useMeetings(slug, when);
  return (
    <section className="section" aria-labelledby={`meetings-${when}`}>
      <h2 className="section__title" id={`meetings-${when}`}>
        {title}
        {data ? <span className="chip">{data.total}</span> : null}
      </h2>
      {isPending ? (
        <div className="panel meetings-skeleton" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={44} />
          ))}
        </div>
      ) : isError ? (
        <ErrorPanel error={error} doing="load the meetings" onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <div className="panel">
          <EmptyState icon="calendar" title={empty} />
        </div>
      ) : (
        <MeetingsTable meetings={data.items} canEdit={canEdit} onEdit={onEdit} caption={title} />
      )}
    </section>
  );
}

/** The group's meeting schedule, upcoming first; members add and edit meetings. */
export function MeetingsRoute() {
  const { slug = '' } = useParams();
  const { data: group } = useGroup(slug);
  const { data: me } = useMe();
  const canEdit = group?.canEdit ?? false;
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const [subscribing, setSubscribing] = useState(false);

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h2>Meeting schedule</h2>
          <p className="page__lead">Every session starts and ends with a defined outcome.</p>
        </div>
        <div className="page__actions">
          {group ? (
            <button type="button" className="button" onClick={() => setSubscribing(true)}>
              <Icon name="calendar" /> Subscribe
            </button>
          ) : null}
          {canEdit ? (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              <Icon name="plus" /> New meeting
            </button>
          ) : null}
        </div>
      </div>
      <MeetingSection
        slug={slug}
        when="upcoming"
        title="Upcoming"
        canEdit={canEdit}
        onEdit={setEditing}
        empty="No upcoming meetings"
      />
      <MeetingSection
        slug={slug}
        when="past"
        title="Past"
        canEdit={canEdit}
        onEdit={setEditing}
        empty="No past meetings"
      />
      {subscribing && group ? (
        <SubscribeDialog
          slug={slug}
          groupName={group.name}
          visibility={group.visibility}
          canMakeLinks={group.myRole !== null || (me?.roles.includes('admin') ?? false)}
          onClose={() => setSubscribing(false)}
        />
      ) : null}
      {editing ? (
        <MeetingDialog
          slug={slug}
          meeting={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

export default MeetingsRoute;
