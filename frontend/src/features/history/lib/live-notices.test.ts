import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '@/lib/group-events';
import { describeLiveEvent, LiveNoticeBuffer, type LiveNotice } from './live-notices';

const alice = { subject: 'sub-alice', name: 'Alice' };
const carol = { subject: 'sub-carol', name: 'Carol' };
const me = { subject: 'sub-me', name: 'Me' };
const moved = (actor = alice, title = 'Draft charter'): LiveEvent => ({
  type: 'card.moved',
  entityType: 'CARD',
  title,
  actor,
  summary: 'moved from May to June',
});

let notices: LiveNotice[];
let buffer: LiveNoticeBuffer;

beforeEach(() => {
  vi.useFakeTimers();
  notices = [];
  buffer = new LiveNoticeBuffer({ me: () => me.subject, onNotice: (n) => notices.push(n), windowMs: 4000 });
});

afterEach(() => {
  buffer.dispose();
  vi.useRealTimers();
});

describe('live notices', () => {
  it('shouldTellAnothersChangeAtOnceInWords', () => {
    buffer.push(moved());
    expect(notices).toEqual([
      { key: 'sub-alice', who: 'Alice', what: "moved 'Draft charter' from May to June", count: 1 },
    ]);
  });

  it('shouldNeverTellThePersonTheirOwnChanges', () => {
    buffer.push(moved(me));
    buffer.push({ type: 'batch', count: 40, summary: 'created 40 cards', actor: me });
    vi.advanceTimersByTime(10_000);
    expect(notices).toEqual([]);
  });

  it('shouldIgnoreConnectionHousekeeping', () => {
    buffer.push({ type: 'ready' });
    buffer.push({ type: 'resync' });
    expect(notices).toEqual([]);
    expect(describeLiveEvent({ type: 'ready' })).toBeNull();
  });

  it('shouldCollapseABurstIntoOneCount', () => {
    for (let i = 0; i < 12; i++) {
      buffer.push(moved(alice, `Card ${i}`));
    }
    expect(notices).toHaveLength(1);
    vi.advanceTimersByTime(3999);
    expect(notices).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices[1]).toEqual({ key: 'sub-alice', who: 'Alice', what: 'made 12 changes', count: 12 });

    // The burst goes on: the count goes on too.
    buffer.push(moved(alice, 'Card 12'));
    buffer.push(moved(alice, 'Card 13'));
    vi.advanceTimersByTime(4000);
    expect(notices[2]).toMatchObject({ what: 'made 14 changes', count: 14 });

    // Quiet for a window: the burst is over, and the next change is told in words again.
    vi.advanceTimersByTime(4000);
    expect(notices).toHaveLength(3);
    buffer.push(moved(alice, 'Later'));
    expect(notices[3]).toMatchObject({ what: "moved 'Later' from May to June", count: 1 });
  });

  it('shouldKeepPeopleApart', () => {
    buffer.push(moved(alice));
    buffer.push(moved(carol));
    buffer.push(moved(carol, 'Another'));
    expect(notices.map((n) => n.who)).toEqual(['Alice', 'Carol']);
    vi.advanceTimersByTime(4000);
    expect(notices.map((n) => `${n.who} ${n.what}`)).toEqual([
      "Alice moved 'Draft charter' from May to June",
      "Carol moved 'Draft charter' from May to June",
      'Carol made 2 changes',
    ]);
  });

  it('shouldCountTheChangesOfABatch', () => {
    buffer.push({ type: 'batch', count: 120, summary: 'created 120 cards', actor: alice });
    buffer.push(moved());
    vi.advanceTimersByTime(4000);
    expect(notices.map((n) => n.what)).toEqual(['created 120 cards', 'made 121 changes']);
    expect(describeLiveEvent({ type: 'batch', count: 7, summary: '7 changes' })).toEqual({
      who: 'Someone',
      what: 'made 7 changes',
    });
  });

  it('shouldTellEveryChangeToAVisitor', () => {
    const heard: LiveNotice[] = [];
    const visitor = new LiveNoticeBuffer({ me: () => null, onNotice: (n) => heard.push(n) });
    visitor.push(moved(me));
    expect(heard).toHaveLength(1);
    visitor.dispose();
  });
});
