import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useGoals } from '@/features/goals/api/get-goals';
import { ActivityFeed } from '@/features/history/components/activity-feed';
import type { Change } from '@/types/domain';

/** Where an activity entry leads: the card on the board, the meetings, the group page. */
export function activityHref(slug: string, change: Change): string | null {
  const base = `/groups/${encodeURIComponent(slug)}`;
  switch (change.entityType) {
    case 'CARD':
      return change.action === 'DELETED' ? null : `${base}/board?card=${change.entityId}`;
    case 'MILESTONE':
      return `${base}/board`;
    case 'MEETING':
      return change.action === 'DELETED' ? null : `${base}/meetings`;
    case 'GOAL':
    case 'PHASE':
    case 'MEMBER':
    case 'GROUP':
      return `${base}/about`;
    default:
      return null;
  }
}

/** The group's activity: every change, newest first, who made it and when. */
export function ActivityRoute() {
  const { slug = '' } = useParams();
  const goals = useGoals(slug);
  const hrefFor = useCallback((change: Change) => activityHref(slug, change), [slug]);
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h2>Activity</h2>
          <p className="page__lead">
            Who changed what, and when: cards, months, meetings, goals and members, newest first.
          </p>
        </div>
      </div>
      <ActivityFeed slug={slug} goals={goals.data ?? []} hrefFor={hrefFor} />
    </div>
  );
}

export default ActivityRoute;
