/**
 * Months and calendar dates. The API speaks "YYYY-MM" and "YYYY-MM-DD" strings; the app speaks Month and
 * CalendarDate values. Conversion happens in the API layer (toMonth/fromMonth), never in components.
 */

export interface Month {
  /** "2024-05": stable identity, used as the column id. */
  readonly key: string;
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

export interface CalendarDate {
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toMonth(value: string): Month {
  const match = MONTH_RE.exec(value);
  if (!match) {
    throw new Error(`Not a YYYY-MM month: ${value}`);
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    throw new Error(`Not a YYYY-MM month: ${value}`);
  }
  return { key: value, year: Number(match[1]), month };
}

export function fromMonth(month: Month): string {
  return month.key;
}

export function monthOf(year: number, month: number): Month {
  return toMonth(`${year}-${String(month).padStart(2, '0')}`);
}

export function currentMonth(now: Date = new Date()): Month {
  return monthOf(now.getFullYear(), now.getMonth() + 1);
}

export function compareMonths(a: Month, b: Month): number {
  return a.year - b.year || a.month - b.month;
}

export function sameMonth(a: Month | null | undefined, b: Month | null | undefined): boolean {
  return !!a && !!b && a.key === b.key;
}

const monthNames = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const shortMonthNames = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** "May" */
export function monthName(month: Month): string {
  return monthNames.format(utc(month.year, month.month));
}

/** "May 2024" */
export function monthLabel(month: Month): string {
  return `${monthName(month)} ${month.year}`;
}

/** "May" or, in a plan that spans several years, "May 2024". */
export function columnLabel(month: Month, spansYears: boolean): string {
  return spansYears ? monthLabel(month) : monthName(month);
}

/** "May – Oct 2024", "Nov 2024 – Feb 2025" */
export function monthRangeLabel(start: Month, end: Month): string {
  const s = shortMonthNames.format(utc(start.year, start.month));
  const e = shortMonthNames.format(utc(end.year, end.month));
  if (start.key === end.key) {
    return `${s} ${start.year}`;
  }
  return start.year === end.year ? `${s} – ${e} ${end.year}` : `${s} ${start.year} – ${e} ${end.year}`;
}

export function toCalendarDate(value: string): CalendarDate {
  const match = DATE_RE.exec(value);
  if (!match) {
    throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  }
  return { iso: value, year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function fromCalendarDate(date: CalendarDate): string {
  return date.iso;
}

export function today(now: Date = new Date()): CalendarDate {
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return toCalendarDate(iso);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.iso < b.iso ? -1 : a.iso > b.iso ? 1 : 0;
}

export function monthOfDate(date: CalendarDate): Month {
  return monthOf(date.year, date.month);
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Mon 22 Apr 2024" */
export function dateLabel(date: CalendarDate): string {
  return longDate.format(utc(date.year, date.month, date.day)).replace(',', '');
}

/** "22 Apr" */
export function shortDateLabel(date: CalendarDate): string {
  return shortDate.format(utc(date.year, date.month, date.day));
}

/** All months from start to end, inclusive. */
export function monthsBetween(start: Month, end: Month): Month[] {
  const months: Month[] = [];
  let year = start.year;
  let month = start.month;
  while (year < end.year || (year === end.year && month <= end.month)) {
    months.push(monthOf(year, month));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
