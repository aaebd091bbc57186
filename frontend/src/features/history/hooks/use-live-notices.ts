import { useEffect, useRef, useState } from 'react';
import { showToast } from '@/components/ui/toast-store';
import { subscribeGroupEvents } from '@/lib/group-events';
import { getChange } from '../api/get-activity';
import { LiveNoticeBuffer, type LiveNotice } from '../lib/live-notices';

/**
 * Tells this person, as it happens, what others change in the group: a toast per person ("Alice · moved 'Draft
 * charter' from May to June", bursts as "made 12 changes") and the same sentence for screen readers, politely.
 * Returns the sentence for the live region. `me` is the signed-in subject (own changes are not told).
 */
export function useLiveNotices(slug: string, me: string | null, options: { windowMs?: number } = {}) {
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const meRef = useRef(me);
  useEffect(() => {
    meRef.current = me;
  });
  const { windowMs } = options;

  useEffect(() => {
    let active = true;
    const notify = (notice: LiveNotice) => {
      showToast({
        tone: 'info',
        title: notice.who,
        message: notice.what,
        // One toast per person: their next notice replaces this one.
        replaces: notice.who,
        announce: false,
      });
      setAnnouncement((last) => ({ text: `${notice.who} ${notice.what}.`, n: last.n + 1 }));
    };
    const buffer = new LiveNoticeBuffer({ me: () => meRef.current, onNotice: notify, windowMs });
    const unsubscribe = subscribeGroupEvents(slug, (event) => {
      if (event.type === 'batch' && !event.actor && event.id) {
        // A batch names nobody: its last change (the same id) in the activity feed does.
        getChange(slug, event.id)
          .then((change) => change?.actor ?? null)
          .catch(() => null)
          .then((actor) => {
            if (active) {
              buffer.push({ ...event, actor });
            }
          });
        return;
      }
      buffer.push(event);
    });
    return () => {
      active = false;
      unsubscribe();
      buffer.dispose();
    };
  }, [slug, windowMs]);

  // The same sentence twice in a row is still news: a changing invisible mark makes the region speak again.
  return announcement.text + (announcement.n % 2 === 0 ? '' : '\u200b');
}
