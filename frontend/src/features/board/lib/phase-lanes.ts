/** Phases drawn as bands over their months: which columns each band spans and which lane (row) it sits in. */
import { compareMonths, type Month } from '@/lib/months';
import type { Phase } from '@/types/domain';

export interface PhaseBand {
  phase: Phase;
  /** 0-based index of the first and last month column the band covers (clamped to the plan). */
  first: number;
  last: number;
  lane: number;
  /** The phase starts before / ends after the plan's months. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export function phaseBands(
  phases: readonly Phase[],
  months: readonly Month[],
): { bands: PhaseBand[]; lanes: number } {
  if (months.length === 0) {
    return { bands: [], lanes: 0 };
  }
  const firstMonth = months[0] as Month;
  const lastMonth = months[months.length - 1] as Month;
  const indexOf = (month: Month) => months.findIndex((m) => m.key === month.key);
  const visible = phases
    .filter((p) => compareMonths(p.end, firstMonth) >= 0 && compareMonths(p.start, lastMonth) <= 0)
    .sort((a, b) => compareMonths(a.start, b.start) || compareMonths(b.end, a.end) || a.id - b.id);

  const laneEnds: number[] = [];
  const bands: PhaseBand[] = visible.map((phase) => {
    const clippedStart = compareMonths(phase.start, firstMonth) < 0;
    const clippedEnd = compareMonths(phase.end, lastMonth) > 0;
    const first = clippedStart ? 0 : Math.max(0, indexOf(phase.start));
    const last = clippedEnd ? months.length - 1 : Math.max(first, indexOf(phase.end));
    let lane = laneEnds.findIndex((end) => end < first);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(last);
    } else {
      laneEnds[lane] = last;
    }
    return { phase, first, last, lane, clippedStart, clippedEnd };
  });
  return { bands, lanes: laneEnds.length };
}
