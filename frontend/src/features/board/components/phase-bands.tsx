import { monthRangeLabel } from '@/lib/months';
import type { PhaseBand } from '../lib/phase-lanes';

/** Phases as bands above the month columns they span (grid columns: the backlog is column 1). */
export function PhaseBands({ bands, firstMonthColumn }: { bands: PhaseBand[]; firstMonthColumn: number }) {
  return (
    <>
      {bands.map(({ phase, first, last, lane, clippedStart, clippedEnd }, index) => (
        <div
          key={phase.id}
          className={`phase-band phase-band--${index % 4}${clippedStart ? ' is-clipped-start' : ''}${clippedEnd ? ' is-clipped-end' : ''}`}
          style={{
            gridColumn: `${firstMonthColumn + first} / ${firstMonthColumn + last + 1}`,
            gridRow: lane + 1,
          }}
          title={phase.focus ? `${phase.name}: ${phase.focus}` : phase.name}
          data-testid="phase-band"
        >
          <span className="phase-band__name">{phase.name}</span>
          <span className="phase-band__range">{monthRangeLabel(phase.start, phase.end)}</span>
          {phase.focus ? <span className="phase-band__focus">{phase.focus}</span> : null}
        </div>
      ))}
    </>
  );
}
