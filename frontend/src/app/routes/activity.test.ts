import { describe, expect, it } from 'vitest';
import { toChange } from '@/api/mappers';
import { changeDto } from '@/testing/fixtures/changes';
import { activityHref } from './activity';

const href = (overrides: Parameters<typeof changeDto>[0]) =>
  activityHref('wg', toChange(changeDto(overrides)));

describe('where an activity entry leads', () => {
  it('shouldOpenTheCardOnTheBoardUnlessItWasDeleted', () => {
    expect(href({ entityType: 'CARD', entityId: 41, action: 'MOVED' })).toBe('/groups/wg/board?card=41');
    expect(href({ entityType: 'CARD', entityId: 41, action: 'DELETED' })).toBeNull();
  });

  it('shouldLeadToTheMeetingsTheBoardOrTheGroupPage', () => {
    expect(href({ entityType: 'MEETING', action: 'UPDATED' })).toBe('/groups/wg/meetings');
    expect(href({ entityType: 'MILESTONE', action: 'UPDATED' })).toBe('/groups/wg/board');
    expect(href({ entityType: 'GOAL', action: 'CREATED' })).toBe('/groups/wg/about');
    expect(href({ entityType: 'MEMBER', action: 'DELETED' })).toBe('/groups/wg/about');
  });
});
