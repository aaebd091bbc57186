import { describe, expect, it } from 'vitest';
import { cardanoBoard, cardByTitle } from '@/testing/fixtures';
import {
  filtersFromSearch,
  filtersToSearch,
  isFiltering,
  matchesFilters,
  noFilters,
  responsibleOptions,
  type BoardFilters,
} from './filters';

const board = cardanoBoard();
const all = [...board.backlog, ...board.columns.flatMap((c) => c.cards)];
const matching = (filters: Partial<BoardFilters>) =>
  all.filter((card) => matchesFilters(card, { ...noFilters, ...filters })).map((c) => c.title);

describe('board filters', () => {
  it('shouldMatchEverythingWithoutFilters', () => {
    expect(matching({})).toHaveLength(all.length);
    expect(isFiltering(noFilters)).toBe(false);
  });

  it('shouldFilterByGoal', () => {
    const titles = matching({ goalId: 1 });
    expect(titles).toContain('Submit Vocab to community for review');
    expect(titles.every((t) => cardByTitle(board, t).goalId === 1)).toBe(true);
  });

  it('shouldFilterByStatus', () => {
    expect(matching({ status: 'BLOCKED' })).toEqual([
      'Have all core infra TWGs set up at Intersect: Networking (active), Plutus Core (active), Consensus, Ledger, Node/CLI, , Hydra, Mithril',
    ]);
  });

  it('shouldFilterByResponsibleIgnoringCaseAndAccents', () => {
    expect(matching({ responsible: 'tomas' })).toEqual(matching({ responsible: 'Tomás' }));
    expect(matching({ responsible: 'Tomás' })).toHaveLength(5);
  });

  it('shouldFindEveryWordOfTheTextInTitleDescriptionOrPeople', () => {
    expect(matching({ text: 'journey MAP' })).toEqual([
      'Create Rough Journey Map of Possible Future state State',
      'Journey Map slicing Approach',
    ]);
    expect(matching({ text: 'draft git' })).toEqual(['Publish a first roadmap process']);
  });

  it('shouldCombineFilters', () => {
    expect(matching({ goalId: 2, status: 'DONE' })).toEqual([
      'Create Rough Draft of Comms Plan',
      'Communicate our mission and goals for community review',
    ]);
  });

  it('shouldListEachResponsiblePersonOnce', () => {
    expect(responsibleOptions(board)).toEqual(['Aiko', 'Kwame', 'Lena', 'Maria', 'Tomás']);
  });

  it('shouldRoundTripThroughTheUrl', () => {
    const filters: BoardFilters = { goalId: 3, status: 'IN_PROGRESS', responsible: 'Lena', text: 'map' };
    const params = filtersToSearch(filters, new URLSearchParams('card=12'));
    expect(params.get('card')).toBe('12');
    expect(filtersFromSearch(params)).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams('status=NOPE&goal=x'))).toEqual(noFilters);
  });
});
