import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  compareMonths,
  currentMonth,
  dateLabel,
  monthLabel,
  monthName,
  monthRangeLabel,
  monthsBetween,
  toCalendarDate,
  toMonth,
} from './months';

describe('months at the API boundary', () => {
  it('shouldParseYearMonthStrings', () => {
    expect(toMonth('2024-05')).toEqual({ key: '2024-05', year: 2024, month: 5 });
    expect(() => toMonth('2024-13')).toThrow('Not a YYYY-MM month: 2024-13');
    expect(() => toMonth('May')).toThrow('Not a YYYY-MM month: May');
  });

  it('shouldLabelMonthsForColumns', () => {
    expect(monthName(toMonth('2024-05'))).toBe('May');
    expect(monthLabel(toMonth('2024-09'))).toBe('September 2024');
    expect(columnLabel(toMonth('2024-06'), false)).toBe('June');
    expect(columnLabel(toMonth('2025-01'), true)).toBe('January 2025');
  });

  it('shouldLabelRanges', () => {
    expect(monthRangeLabel(toMonth('2024-05'), toMonth('2024-10'))).toBe('May – Oct 2024');
    expect(monthRangeLabel(toMonth('2024-11'), toMonth('2025-02'))).toBe('Nov 2024 – Feb 2025');
    expect(monthRangeLabel(toMonth('2024-12'), toMonth('2024-12'))).toBe('Dec 2024');
  });

  it('shouldListMonthsAcrossAYearEnd', () => {
    expect(monthsBetween(toMonth('2024-11'), toMonth('2025-02')).map((m) => m.key)).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(compareMonths(toMonth('2024-12'), toMonth('2025-01'))).toBeLessThan(0);
  });

  it('shouldKnowTheCurrentMonth', () => {
    expect(currentMonth(new Date(2024, 5, 15)).key).toBe('2024-06');
  });

  it('shouldFormatDatesWithoutTimeZoneDrift', () => {
    expect(dateLabel(toCalendarDate('2024-04-22'))).toBe('Mon 22 Apr 2024');
  });
});
