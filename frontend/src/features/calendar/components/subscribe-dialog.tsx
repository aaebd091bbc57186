import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { CopyField } from '@/components/ui/copy-field';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Icon } from '@/components/ui/icon';
import { Skeleton } from '@/components/ui/skeleton';
import { TimeAgo } from '@/components/ui/time-ago';
import { describeError } from '@/lib/api-error';
import { absoluteTime } from '@/lib/time';
import type { CalendarLink, CalendarLinkCreated, Visibility } from '@/types/domain';
import {
  publicCalendarUrl,
  useCalendarLinks,
  useCreateCalendarLink,
  useRevokeCalendarLink,
  webcalUrl,
} from '../api/calendar-links';
import './calendar.css';

function Subscribe({ url }: { url: string }) {
  return (
    <div className="subscribe-actions">
      <a className="button button--primary" href={webcalUrl(url)}>
        <Icon name="calendar" /> Open in my calendar app
      </a>
      <a className="button" href={url} download>
        <Icon name="download" /> Download .ics
      </a>
    </div>
  );
}

function HowTo() {
  return (
    <details className="subscribe-howto">
      <summary>How to subscribe</summary>
      <ul>
        <li>
          <strong>Apple Calendar, Outlook, Thunderbird:</strong> “Open in my calendar app”, or add a calendar
          subscription and paste the address.
        </li>
        <li>
          <strong>Google Calendar:</strong> Other calendars → From URL, paste the address.
        </li>
      </ul>
      <p>Calendar apps check for changes by themselves (Google Calendar can take several hours).</p>
    </details>
  );
}

function PublicCalendar({ slug }: { slug: string }) {
  const url = publicCalendarUrl(slug);
  return (
    <div className="subscribe">
      <p>
        Add the meeting schedule to your calendar. It is public like the group, needs no sign-in, and follows
        every change to the meetings.
      </p>
      <CopyField label="Calendar address" value={url} />
      <Subscribe url={url} />
      <HowTo />
    </div>
  );
}

function LinkRow({ slug, link }: { slug: string; link: CalendarLink }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeCalendarLink(slug);
  const made = link.createdAt ? `made ${absoluteTime(link.createdAt)}` : 'made earlier';
  return (
    <li className="calendar-link" data-testid="calendar-link">
      <div className="calendar-link__main">
        <span>
          <Icon name="link" /> Secret link{' '}
          {link.createdAt ? (
            <>
              made <TimeAgo date={link.createdAt} />
            </>
          ) : null}
        </span>
        {confirming ? null : (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setConfirming(true)}
            aria-label={`Revoke the secret link ${made}`}
          >
            Revoke
          </button>
        )}
      </div>
      {confirming ? (
        <div className="calendar-link__confirm" role="group" aria-label="Revoke this link?">
          <p>
            <strong>Revoke this link?</strong> Calendars subscribed to it stop receiving the meetings (the
            address answers “not found” from now on), on every device you added it to. This cannot be undone;
            you can make a new link afterwards.
          </p>
          <div className="calendar-link__buttons">
            <button
              type="button"
              className="button button--small"
              onClick={() => setConfirming(false)}
              disabled={revoke.isPending}
              // The confirmation takes focus: the key that opened it is near.
              autoFocus
            >
              Keep it
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => revoke.mutate(link)}
              disabled={revoke.isPending}
            >
              {revoke.isPending ? 'Revoking…' : 'Revoke link'}
            </button>
          </div>
        </div>
      ) : null}
      {revoke.isError ? (
        <p className="field__error" role="alert">
          {describeError(revoke.error, 'revoke the link').message}
        </p>
      ) : null}
    </li>
  );
}

function SecretCalendar({ slug, canMakeLinks }: { slug: string; canMakeLinks: boolean }) {
  const links = useCalendarLinks(slug, canMakeLinks);
  const create = useCreateCalendarLink(slug);
  const [created, setCreated] = useState<CalendarLinkCreated | null>(null);

  if (!canMakeLinks) {
    return (
      <div className="subscribe">
        <p>
          This group&apos;s meetings are for its members only, so its calendar has no public address. Members
          make a personal secret link to subscribe to it.
        </p>
      </div>
    );
  }
  const shown = created && links.data?.some((l) => l.id === created.id) !== false ? created : null;
  return (
    <div className="subscribe">
      <p>
        This group&apos;s meetings are for members only. Your personal <strong>secret link</strong> lets your
        calendar app read them without signing in: whoever has the link sees the meetings, so keep it to
        yourself. Revoke it if it leaks; it also stops working if you leave the group.
      </p>
      {shown ? (
        <div className="subscribe-created" role="status">
          <p>
            <Icon name="check" /> <strong>Your new link.</strong> Copy it now: it is shown only this once
            (Milepost keeps only a fingerprint of it).
          </p>
          <CopyField label="Your secret calendar address" value={shown.url} />
          <Subscribe url={shown.url} />
          <HowTo />
        </div>
      ) : null}
      {create.isError ? (
        <p className="field__error" role="alert">
          {describeError(create.error, 'make a calendar link').message}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className={`button${shown ? '' : ' button--primary'}`}
          onClick={() => create.mutate(undefined, { onSuccess: setCreated })}
          disabled={create.isPending}
        >
          <Icon name="plus" />{' '}
          {create.isPending ? 'Making the link…' : shown ? 'Make another link' : 'Make my secret link'}
        </button>
      </div>
      <section className="calendar-links" aria-labelledby="calendar-links-heading">
        <h3 className="calendar-links__title" id="calendar-links-heading">
          Your links to this calendar
        </h3>
        {links.isPending ? (
          <Skeleton height={40} />
        ) : links.isError ? (
          <ErrorPanel
            error={links.error}
            doing="load your calendar links"
            onRetry={() => void links.refetch()}
          />
        ) : links.data.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="calendar-links__list">
            {links.data.map((link) => (
              <LinkRow key={link.id} slug={slug} link={link} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * "Subscribe": the meetings in a calendar app. A public group's feed is public; a members-only group's members make
 * personal secret links (and revoke them).
 */
export function SubscribeDialog({
  slug,
  groupName,
  visibility,
  canMakeLinks,
  onClose,
}: {
  slug: string;
  groupName: string;
  visibility: Visibility;
  /** Members of the group (any role) and admins make secret links. */
  canMakeLinks: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog title="Subscribe to the meetings" eyebrow={groupName} onClose={onClose}>
      {visibility === 'PUBLIC' ? (
        <PublicCalendar slug={slug} />
      ) : (
        <SecretCalendar slug={slug} canMakeLinks={canMakeLinks} />
      )}
    </Dialog>
  );
}

export default SubscribeDialog;
