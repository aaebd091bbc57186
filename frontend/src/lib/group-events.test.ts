import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@/testing/fake-event-source';
import { subscribeGroupEvents, type LiveEvent } from './group-events';

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('group events', () => {
  it('shouldShareOneStreamPerGroupAndCloseItWithTheLastListener', () => {
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    const stopA = subscribeGroupEvents('wg', (e) => a.push(e));
    const stopB = subscribeGroupEvents('wg', (e) => b.push(e));
    expect(FakeEventSource.instances).toHaveLength(1);
    const [source] = FakeEventSource.instances;
    expect(source!.url).toBe('http://localhost/api/groups/wg/events');
    expect(source!.withCredentials).toBe(true);

    source!.emit({ type: 'card.moved', cardId: 3 });
    source!.emit(': keep-alive');
    expect(a).toEqual([{ type: 'card.moved', cardId: 3 }]);
    expect(b).toEqual(a);

    stopA();
    expect(source!.closed).toBe(false);
    stopB();
    expect(source!.closed).toBe(true);

    subscribeGroupEvents('wg', () => {})();
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('shouldKeepTellingOthersWhenOneListenerFails', () => {
    const heard: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stops = [
      subscribeGroupEvents('wg', () => {
        throw new Error('boom');
      }),
      subscribeGroupEvents('wg', (e) => heard.push(e.type)),
    ];
    FakeEventSource.instances[0]!.emit({ type: 'meeting.created' });
    expect(heard).toEqual(['meeting.created']);
    expect(error).toHaveBeenCalled();
    stops.forEach((stop) => stop());
    error.mockRestore();
  });

  it('shouldEndTheStreamWhenTheGroupIsDeleted', () => {
    const heard: string[] = [];
    const stop = subscribeGroupEvents('wg', (e) => heard.push(e.type));
    const [source] = FakeEventSource.instances;
    source!.emit({ type: 'group.deleted' });
    expect(heard).toEqual(['group.deleted']);
    expect(source!.closed).toBe(true);
    stop();
    // A later visitor of the same slug gets a stream of its own.
    subscribeGroupEvents('wg', () => {})();
    expect(FakeEventSource.instances).toHaveLength(2);
  });
});
