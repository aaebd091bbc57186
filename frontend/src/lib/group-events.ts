/**
 * A group's live events (GET /api/groups/{slug}/events, server-sent), shared: one EventSource per group however many
 * parts of the page listen (the board refetches, the activity feed refreshes, "who changed what" is announced). The
 * stream opens with the first listener and closes with the last.
 */
import { useEffect, useRef } from 'react';
import { env } from '@/config/env';

export interface LiveActor {
  subject?: string | null;
  name?: string | null;
}

export interface LiveEvent {
  type: string;
  id?: number | null;
  entityType?: string | null;
  entityId?: number | null;
  cardId?: number | null;
  action?: string | null;
  month?: string | null;
  version?: number | null;
  title?: string | null;
  summary?: string | null;
  /** A batch: how many changes one statement made. */
  count?: number | null;
  actor?: LiveActor | null;
  at?: string | null;
}

export type LiveListener = (event: LiveEvent) => void;

export function parseLiveEvent(data: string): LiveEvent | null {
  try {
    const event: unknown = JSON.parse(data);
    return event && typeof event === 'object' && typeof (event as LiveEvent).type === 'string'
      ? (event as LiveEvent)
      : null;
  } catch {
    return null;
  }
}

interface Stream {
  source: EventSource;
  listeners: Set<LiveListener>;
}

const streams = new Map<string, Stream>();

function open(slug: string): Stream {
  const source = new EventSource(`${env.apiBaseUrl}/api/groups/${encodeURIComponent(slug)}/events`, {
    withCredentials: true,
  });
  const stream: Stream = { source, listeners: new Set() };
  source.onmessage = (message: MessageEvent<string>) => {
    const event = parseLiveEvent(message.data);
    if (!event) {
      return;
    }
    for (const listener of [...stream.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One listener's failure must not keep the others from hearing of the change.
        console.error(error);
      }
    }
    if (event.type === 'group.deleted') {
      // The stream ends here; the pages' own queries show that the group is gone.
      source.close();
      if (streams.get(slug) === stream) {
        streams.delete(slug);
      }
    }
  };
  // EventSource reconnects by itself (the server asks for 3 s) and sends `ready` again; a stream the server refuses
  // (the group became unreadable) ends in CLOSED, and the page's own queries show why.
  return stream;
}

/** Listens to a group's changes; returns the way to stop. Does nothing where EventSource does not exist. */
export function subscribeGroupEvents(slug: string, listener: LiveListener): () => void {
  if (typeof EventSource === 'undefined' || !slug) {
    return () => {};
  }
  let stream = streams.get(slug);
  if (!stream) {
    stream = open(slug);
    streams.set(slug, stream);
  }
  const mine = stream;
  mine.listeners.add(listener);
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0) {
      mine.source.close();
      if (streams.get(slug) === mine) {
        streams.delete(slug);
      }
    }
  };
}

/** Calls `listener` (its latest version: no need to memoise it) for each event of the group while mounted. */
export function useGroupEvents(slug: string, listener: LiveListener) {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribeGroupEvents(slug, (event) => latest.current(event)), [slug]);
}
