/**
 * "Who changed what", live: which events of the group's stream to tell this person about, in what words, and how a
 * burst collapses ("Alice made 12 changes"). Pure apart from timers; tested in live-notices.test.ts with fake timers.
 */
import type { LiveEvent } from '@/lib/group-events';
import { actorName, phraseOf, phraseText, type ChangeLike } from './change-text';

export interface LiveNotice {
  /** One per person: a newer notice of the same person replaces the older one. */
  key: string;
  who: string;
  what: string;
  /** How many changes it stands for. */
  count: number;
}

/** Events that are not somebody's change: connection housekeeping. */
const NOT_CHANGES = new Set(['ready', 'resync']);

/** The words for one event, or null when it is not a change to tell anyone about. */
export function describeLiveEvent(event: LiveEvent): { who: string; what: string } | null {
  if (NOT_CHANGES.has(event.type)) {
    return null;
  }
  const who = event.actor ? actorName(event.actor) : 'Someone';
  if (event.type === 'batch') {
    const what = event.summary?.trim() || `made ${event.count ?? 'several'} changes`;
    return { who, what: readableBatch(what) };
  }
  if (!event.summary && !event.title) {
    return null;
  }
  return { who, what: phraseText(phraseOf(event as ChangeLike)) };
}

/** "created 120 cards" stays; "120 changes" becomes "made 120 changes". */
function readableBatch(summary: string): string {
  return /^\d/.test(summary) ? `made ${summary}` : summary;
}

/** Whether the change is this person's own (the signed-in subject of /api/me). */
export function isOwnChange(event: LiveEvent, me: string | null): boolean {
  return !!me && !!event.actor?.subject && event.actor.subject === me;
}

interface Burst {
  who: string;
  count: number;
  /** Changes since the last notice. */
  unreported: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Turns a stream of events into notices: others' changes only; the first change of a person is told at once, further
 * ones within `windowMs` are counted and told together when the window closes ("Alice made 12 changes"), and so on
 * while the burst goes on.
 */
export class LiveNoticeBuffer {
  private readonly bursts = new Map<string, Burst>();
  private readonly windowMs: number;

  constructor(
    private readonly options: {
      /** The signed-in person's subject (null: a visitor, whose own changes there are none). */
      me: () => string | null;
      onNotice: (notice: LiveNotice) => void;
      windowMs?: number;
    },
  ) {
    this.windowMs = options.windowMs ?? 4_000;
  }

  push(event: LiveEvent): void {
    if (isOwnChange(event, this.options.me())) {
      return;
    }
    const words = describeLiveEvent(event);
    if (!words) {
      return;
    }
    const weight = event.type === 'batch' ? Math.max(1, event.count ?? 1) : 1;
    const key = event.actor?.subject || event.actor?.name || words.who;
    const burst = this.bursts.get(key);
    if (burst) {
      burst.count += weight;
      burst.unreported += weight;
      return;
    }
    this.options.onNotice({ key, who: words.who, what: words.what, count: weight });
    this.bursts.set(key, {
      who: words.who,
      count: weight,
      unreported: 0,
      timer: setTimeout(() => this.close(key), this.windowMs),
    });
  }

  private close(key: string) {
    const burst = this.bursts.get(key);
    if (!burst) {
      return;
    }
    if (burst.unreported === 0) {
      this.bursts.delete(key);
      return;
    }
    burst.unreported = 0;
    this.options.onNotice({ key, who: burst.who, what: `made ${burst.count} changes`, count: burst.count });
    burst.timer = setTimeout(() => this.close(key), this.windowMs);
  }

  dispose(): void {
    for (const burst of this.bursts.values()) {
      clearTimeout(burst.timer);
    }
    this.bursts.clear();
  }
}
