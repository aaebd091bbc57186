import { useMemo } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useNow } from '@/hooks/use-now';
import { TimeAgo } from '@/components/ui/time-ago';
import type { Change, Goal } from '@/types/domain';
import { useCardHistory } from '../api/get-card-history';
import { actorName, changedFieldsText, readableSummary } from '../lib/change-text';
import { ChangeDetails } from './change-details';
import './history.css';

/** What happened to the card, without its name (the dialog says which card). */
function whatHappened(change: Change): string {
  if (change.action === 'UPDATED') {
    return changedFieldsText(change);
  }
  return readableSummary(change.summary) || change.action.toLowerCase();
}

export function HistorySkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="history-skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="history-skeleton__row">
          <Skeleton width={24} height={24} radius={999} />
          <div className="history-skeleton__text">
            <Skeleton width="60%" />
            <Skeleton width="30%" height="0.8em" />
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * A card's history, newest first: who, when (relative; the moment on hover), what changed from what to what. Loads
 * when shown, 20 at a time ("Show older changes"); loads again when the card's version on the board moves on.
 */
export function CardHistory({
  slug,
  cardId,
  version,
  goals,
  now,
}: {
  slug: string;
  cardId: number;
  version: number;
  goals: Goal[];
  now?: Date;
}) {
  const { data, isPending, isError, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } =
    useCardHistory(slug, cardId, version);
  const context = useMemo(() => ({ goals: new Map(goals.map((g) => [g.id, g.title] as const)) }), [goals]);
  const clock = useNow();

  if (isPending) {
    return (
      <div className="card-history" aria-busy="true">
        <p className="visually-hidden" role="status">
          Loading the history…
        </p>
        <HistorySkeleton />
      </div>
    );
  }
  if (isError && !data) {
    // (A failure to load older changes, with the newer ones on screen, is a toast: query-client.ts.)
    return <ErrorPanel error={error} doing="load the history" onRetry={() => void refetch()} />;
  }
  const changes = data.pages.flatMap((p) => p.items);
  const total = data.pages[0]?.total ?? changes.length;
  if (changes.length === 0) {
    return (
      <EmptyState icon="clock" title="No changes recorded yet">
        Changes to this card (edits, moves) will show up here, with who made them and when.
      </EmptyState>
    );
  }
  return (
    <div className="card-history">
      <ol className="history-list" aria-label="Changes, newest first">
        {changes.map((change) => {
          const who = actorName(change.actor);
          return (
            <li key={change.id} className="history-entry" data-testid="history-entry">
              <Avatar name={who} />
              <div className="history-entry__body">
                <p className="history-entry__line">
                  <strong>{who}</strong> {whatHappened(change)}
                </p>
                <TimeAgo date={change.at} now={now ?? clock} className="history-entry__time" />
                <ChangeDetails change={change} context={context} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="history-more">
        <p className="history-more__count" aria-live="polite">
          {changes.length < total
            ? `Showing ${changes.length} of ${total} changes`
            : `${total} ${total === 1 ? 'change' : 'changes'}`}
        </p>
        {hasNextPage ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
          >
            {isFetchingNextPage ? 'Loading…' : 'Show older changes'}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export default CardHistory;
