import { Skeleton } from '@/components/ui/skeleton';
import './board.css';

const cardsPerColumn = [3, 4, 2, 5, 3, 2];

/** The board's shape while it loads: same paddings, column widths and rows, so nothing jumps. */
export function BoardSkeleton() {
  return (
    <div className="board-page__main" aria-busy="true" aria-label="Loading the board">
      <div className="board-scroller">
        <div className="board-grid" style={{ ['--month-count' as string]: 5, ['--lanes' as string]: 1 }}>
          <span style={{ gridColumn: '2 / 4', gridRow: 1 }}>
            <Skeleton height={30} radius={999} />
          </span>
          {cardsPerColumn.map((count, index) => (
            <section
              key={index}
              className={`board-column${index === 0 ? ' is-backlog' : ''}`}
              style={{ gridRow: 2, gridColumn: index + 1 }}
            >
              <div className="board-column__head">
                <div className="board-column__title-row">
                  <Skeleton width={72} height={18} />
                </div>
                <Skeleton width="80%" height={14} />
                <Skeleton width="60%" height={12} />
              </div>
              <div className="board-column__cards">
                {Array.from({ length: count }, (_, i) => (
                  <Skeleton key={i} className="board-skeleton-card" />
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
