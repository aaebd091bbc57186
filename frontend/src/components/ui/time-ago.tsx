import { absoluteTime, relativeTime } from '@/lib/time';

/** "5 minutes ago", with the exact moment on hover (title) and for screen readers. */
export function TimeAgo({ date, now, className }: { date: Date | null; now?: Date; className?: string }) {
  if (!date) {
    return null;
  }
  const exact = absoluteTime(date);
  return (
    <time className={className} dateTime={date.toISOString()} title={exact}>
      {relativeTime(date, now)}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  );
}
