import { describe, expect, it } from 'vitest';
import { monthsBetween, toMonth } from '@/lib/months';
import type { Phase } from '@/types/domain';
import { phaseBands } from './phase-lanes';

const months = monthsBetween(toMonth('2024-05'), toMonth('2024-10'));
const phase = (id: number, start: string, end: string): Phase => ({
  id,
  name: `P${id}`,
  start: toMonth(start),
  end: toMonth(end),
  focus: '',
  activities: '',
  outcomes: '',
  version: 0,
});

describe('phase bands', () => {
  it('shouldSpanTheMonthsOfEachPhaseInOneLaneWhenTheyDoNotOverlap', () => {
    const { bands, lanes } = phaseBands(
      [phase(2, '2024-07', '2024-10'), phase(1, '2024-05', '2024-06')],
      months,
    );
    expect(lanes).toBe(1);
    expect(bands.map((b) => [b.phase.id, b.first, b.last, b.lane])).toEqual([
      [1, 0, 1, 0],
      [2, 2, 5, 0],
    ]);
  });

  it('shouldStackOverlappingPhasesInLanes', () => {
    const { bands, lanes } = phaseBands(
      [phase(1, '2024-05', '2024-08'), phase(2, '2024-07', '2024-09')],
      months,
    );
    expect(lanes).toBe(2);
    expect(bands.map((b) => b.lane)).toEqual([0, 1]);
  });

  it('shouldClipPhasesToThePlanAndDropThoseOutsideIt', () => {
    const { bands } = phaseBands(
      [phase(1, '2024-03', '2024-06'), phase(2, '2024-12', '2025-01'), phase(3, '2024-10', '2025-03')],
      months,
    );
    expect(bands.map((b) => [b.phase.id, b.first, b.last, b.clippedStart, b.clippedEnd])).toEqual([
      [1, 0, 1, true, false],
      [3, 5, 5, false, true],
    ]);
  });
});
