import { useMemo } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { TimeAgo } from '@/components/ui/time-ago';
import { useNow } from '@/hooks/use-now';
import { dayHeading, dayKey } from '@/lib/time';
import type { Change, Goal } from '@/types/domain';
import { useActivity } from '../api/get-activity';
import { useActivityEvents } from '../hooks/use-activity-events';
import { actorName, entryPhraseOf, type ValueContext } from '../lib/change-text';
import { ChangeDetails } from './change-details';
import { HistorySkeleton } from './card-history';
import './history.css';

interface Day {
  key: string;
  heading: string;
  changes: Change[];
}

function byDay(changes: Change[], now: Date): Day[] {
  const days: Day[] = [];
  const seen = new Set<number>();
  for (const change of changes) {
    // A page reloaded while another was loading could repeat an entry: show each change once.
    if (seen.has(change.id)) {
      continue;
    }
    seen.add(change.id);
    const key = change.at ? dayKey(change.at) : 'unknown';
    let day = days[days.length - 1];
    if (!day || day.key !== key) {
      day = { key, heading: change.at ? dayHeading(change.at, now) : 'Earlier', changes: [] };
      days.push(day);
    }
    day.changes.push(change);
  }
  return days;
}

function Entry({
  change,
  href,
  context,
  now,
}: {
  change: Change;
  href: string | null;
  context: ValueContext;
  now: Date;
}) {
  const who = actorName(change.actor);
  const phrase = entryPhraseOf(change);
  const name = phrase.quoted ? `'${phrase.name}'` : phrase.name;
  return (
    <li className="history-entry" data-testid="activity-entry">
      <Avatar name={who} />
      <div className="history-entry__body">
        <p className="history-entry__line">
          <strong>{who}</strong> {phrase.verb} {phrase.noun}
          {href && phrase.name ? <Link to={href}>{name}</Link> : name}
          {phrase.tail}
        </p>
        <TimeAgo date={change.at} now={now} className="history-entry__time" />
        <ChangeDetails change={change} context={context} />
      </div>
    </li>
  );
}

/**
 * The group's activity, newest first, by day: who changed what, linked to what it concerns; "Show older" pages back.
 * Reloads as changes arrive on the group's live stream.
 */
export function ActivityFeed({
  slug,
  goals = [],
  hrefFor,
  now: fixedNow,
}: {
  slug: string;
  goals?: Goal[];
  /** Where an entry links to (the card on the board, the meetings…), or null for nowhere. */
  hrefFor: (change: Change) => string | null;
  now?: Date;
}) {
  useActivityEvents(slug);
  const { data, isPending, isError, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } =
    useActivity(slug);
  const context = useMemo(() => ({ goals: new Map(goals.map((g) => [g.id, g.title] as const)) }), [goals]);
  const clock = useNow();
  const now = fixedNow ?? clock;

  if (isPending) {
    return (
      <div className="panel" style={{ padding: '0 var(--space-4)' }} aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the activity…
        </p>
        <HistorySkeleton rows={6} />
      </div>
    );
  }
  if (isError && !data) {
    return <ErrorPanel error={error} doing="load the activity" onRetry={() => void refetch()} />;
  }
  const changes = data.pages.flatMap((p) => p.items);
  const total = data.pages[0]?.total ?? changes.length;
  if (changes.length === 0) {
    return (
      <div className="panel">
        <EmptyState icon="clock" title="No activity yet">
          Every change to the board, the meetings and the group will be listed here, newest first.
        </EmptyState>
      </div>
    );
  }
  const days = byDay(changes, now);
  return (
    <div className="activity-feed">
      {days.map((day) => (
        <section key={day.key} className="activity-day" aria-labelledby={`activity-${day.key}`}>
          <h3 className="activity-day__title" id={`activity-${day.key}`}>
            {day.heading}
          </h3>
          <ol className="history-list panel">
            {day.changes.map((change) => (
              <Entry key={change.id} change={change} href={hrefFor(change)} context={context} now={now} />
            ))}
          </ol>
        </section>
      ))}
      <div className="history-more">
        <p className="history-more__count" aria-live="polite">
          {hasNextPage
            ? `Showing the latest ${changes.length} of ${total} changes`
            : `All ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`}
        </p>
        {hasNextPage ? (
          <button
            type="button"
            className="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? 'Loading…' : 'Show older'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export default ActivityFeed;
