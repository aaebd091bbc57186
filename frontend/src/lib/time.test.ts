import { describe, expect, it } from 'vitest';
import { absoluteTime, dayHeading, parseInstant, relativeTime } from './time';

const now = new Date(2024, 5, 12, 15, 0, 0);
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('time for people', () => {
  it('shouldSayHowLongAgo', () => {
    expect(relativeTime(ago(10), now)).toBe('just now');
    expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(relativeTime(ago(26 * 3600), now)).toBe('yesterday');
    expect(relativeTime(ago(3 * 7 * 24 * 3600), now)).toBe('3 weeks ago');
    expect(relativeTime(ago(400 * 24 * 3600), now)).toBe('last year');
    expect(relativeTime(ago(-120), now)).toBe('in 2 minutes');
  });

  it('shouldNameTheDayOfAFeedEntry', () => {
    expect(dayHeading(new Date(2024, 5, 12, 0, 5), now)).toBe('Today');
    expect(dayHeading(new Date(2024, 5, 11, 23, 55), now)).toBe('Yesterday');
    expect(dayHeading(new Date(2024, 5, 3, 9, 0), now)).toBe('Monday 3 June 2024');
  });

  it('shouldReadInstantsAndShowThemInFull', () => {
    expect(parseInstant('not a date')).toBeNull();
    expect(parseInstant(null)).toBeNull();
    const date = parseInstant('2024-06-03T10:15:03Z')!;
    expect(date.toISOString()).toBe('2024-06-03T10:15:03.000Z');
    expect(absoluteTime(new Date(2024, 5, 3, 10, 15))).toBe('3 Jun 2024, 10:15');
  });
});
