import { useLiveNotices } from '../hooks/use-live-notices';

/**
 * Others' changes to the group as they happen: toasts (shown, not read out twice) and one polite live region that
 * screen readers read. Mount once per group page; `me` is the signed-in subject, whose own changes are not told.
 */
export function LiveNotices({ slug, me, windowMs }: { slug: string; me: string | null; windowMs?: number }) {
  const announcement = useLiveNotices(slug, me, { windowMs });
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-notices"
    >
      {announcement}
    </div>
  );
}

export default LiveNotices;
