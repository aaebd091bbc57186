import { describe, expect, it } from 'vitest';
import { cardanoBoard, cardByTitle, idsOf } from '@/testing/fixtures';
import {
  columnCards,
  reuseUnchanged,
  applyPlacement,
  BACKLOG,
  buildMoveRequest,
  columnItems,
  columnName,
  describeCancel,
  describeMove,
  findColumn,
  locate,
  moveCardInBoard,
  moveItem,
  placementIn,
  replaceCard,
} from './board-moves';

describe('moveItem (while dragging)', () => {
  const items = { backlog: [1], '2024-05': [10, 11, 12], '2024-06': [20, 21] };

  it('shouldMoveACardToAnotherColumnAtTheGivenIndex', () => {
    const next = moveItem(items, 11, '2024-06', 1);
    expect(next['2024-05']).toEqual([10, 12]);
    expect(next['2024-06']).toEqual([20, 11, 21]);
  });

  it('shouldReorderWithinAColumnLikeArrayMove', () => {
    expect(moveItem(items, 10, '2024-05', 2)['2024-05']).toEqual([11, 12, 10]);
    expect(moveItem(items, 12, '2024-05', 0)['2024-05']).toEqual([12, 10, 11]);
  });

  it('shouldAppendWhenTheIndexIsPastTheEnd', () => {
    expect(moveItem(items, 1, '2024-06', 99)['2024-06']).toEqual([20, 21, 1]);
  });

  it('shouldNeverMutateItsInput', () => {
    const frozen = structuredClone(items);
    moveItem(items, 11, '2024-06', 0);
    expect(items).toEqual(frozen);
  });

  it('shouldLeaveUnknownCardsAndColumnsAlone', () => {
    expect(moveItem(items, 99, '2024-06', 0)).toBe(items);
    expect(moveItem(items, 10, '2030-01', 0)).toBe(items);
  });

  it('shouldFindTheColumnOfACardOrOfAColumnId', () => {
    expect(findColumn(items, 21)).toBe('2024-06');
    expect(findColumn(items, '2024-05')).toBe('2024-05');
    expect(findColumn(items, 'backlog')).toBe('backlog');
    expect(findColumn(items, 404)).toBeUndefined();
  });
});

describe('the move request computed from a drop', () => {
  it('shouldNameThePreviousCardAsAfterCardId', () => {
    expect(placementIn([20, 11, 21], 11)).toEqual({ afterCardId: 20 });
  });

  it('shouldNameTheNextCardAsBeforeCardIdWhenDroppedFirst', () => {
    expect(placementIn([11, 20, 21], 11)).toEqual({ beforeCardId: 20 });
  });

  it('shouldNameNoNeighbourInAnEmptyColumn', () => {
    expect(placementIn([11], 11)).toEqual({});
  });

  it('shouldSendTheMonthAndTheVersionTheMoveIsBasedOn', () => {
    expect(buildMoveRequest({ version: 4 }, '2024-06', { afterCardId: 20 })).toEqual({
      month: '2024-06',
      afterCardId: 20,
      version: 4,
    });
  });

  it('shouldSendNullAsTheMonthOfTheBacklog', () => {
    expect(buildMoveRequest({ version: 0 }, BACKLOG, { beforeCardId: 3 })).toEqual({
      month: null,
      beforeCardId: 3,
      version: 0,
    });
  });
});

describe('applyPlacement (the server semantics, used for the optimistic board)', () => {
  it('shouldPlaceAfterOrBeforeTheNamedCard', () => {
    expect(applyPlacement([1, 2, 3], 9, { afterCardId: 1 })).toEqual([1, 9, 2, 3]);
    expect(applyPlacement([1, 2, 3], 9, { beforeCardId: 1 })).toEqual([9, 1, 2, 3]);
  });

  it('shouldPlaceAtTheEndWithoutNeighbourOrWithAnUnknownOne', () => {
    expect(applyPlacement([1, 2], 9, {})).toEqual([1, 2, 9]);
    expect(applyPlacement([1, 2], 9, { afterCardId: 77 })).toEqual([1, 2, 9]);
  });

  it('shouldMoveACardThatIsAlreadyInTheList', () => {
    expect(applyPlacement([1, 2, 3], 3, { beforeCardId: 1 })).toEqual([3, 1, 2]);
  });
});

describe('moveCardInBoard (optimistic) and its rollback', () => {
  it('shouldMoveTheCardToJuneAfterTheNamedCardAndChangeItsMonth', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Create Rough Draft of Comms Plan');
    const june = idsOf(board, '2024-06');
    const after = moveCardInBoard(board, card.id, '2024-06', { afterCardId: june[0] });

    expect(idsOf(after, '2024-05')).not.toContain(card.id);
    expect(idsOf(after, '2024-06')).toEqual([june[0], card.id, ...june.slice(1)]);
    expect(cardByTitle(after, card.title).month?.key).toBe('2024-06');
  });

  it('shouldMoveACardToTheBacklog', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const after = moveCardInBoard(board, card.id, BACKLOG, {});
    expect(idsOf(after, null).at(-1)).toBe(card.id);
    expect(cardByTitle(after, card.title).month).toBeNull();
  });

  it('shouldKeepThePreviousBoardUntouchedSoARollbackRestoresIt', () => {
    const board = cardanoBoard();
    const snapshot = structuredClone(board);
    const card = cardByTitle(board, 'Publish a first roadmap process');
    moveCardInBoard(board, card.id, '2024-07', { beforeCardId: idsOf(board, '2024-07')[0] });
    expect(board).toEqual(snapshot);
  });

  it('shouldShareUntouchedColumnsWithThePreviousBoard', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const after = moveCardInBoard(board, card.id, '2024-09', { beforeCardId: idsOf(board, '2024-09')[0] });
    expect(after.columns[0]).toBe(board.columns[0]);
  });

  it('shouldUndoAMoveWithThePlacementTheCardHadBefore', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Submit Vocab to community for review');
    const origin = locate(board, card.id);
    expect(origin).toEqual({
      column: '2024-05',
      placement: { afterCardId: idsOf(board, '2024-05')[1] },
      index: 2,
    });

    const moved = moveCardInBoard(board, card.id, '2024-08', {});
    const undone = moveCardInBoard(moved, card.id, origin!.column, origin!.placement);
    expect(idsOf(undone, '2024-05')).toEqual(idsOf(board, '2024-05'));
    expect(idsOf(undone, '2024-08')).toEqual(idsOf(board, '2024-08'));
  });

  it('shouldTakeTheServersCardWithItsNewVersion', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const saved = { ...card, version: card.version + 1 };
    expect(cardByTitle(replaceCard(board, saved), card.title).version).toBe(card.version + 1);
  });

  it('shouldListCardIdsPerColumnHonouringAFilter', () => {
    const board = cardanoBoard();
    const items = columnItems(board, (c) => c.status === 'DONE');
    expect(items['2024-05']).toHaveLength(4);
    expect(items['2024-06']).toEqual([]);
    expect(Object.keys(items)).toEqual([
      'backlog',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
    ]);
  });
});

describe('announcements', () => {
  it('shouldDescribeAMoveBetweenMonthsWithItsPosition', () => {
    expect(describeMove({ title: 'Publish roadmap', from: 'May', to: 'June', position: 2, total: 5 })).toBe(
      "Moved 'Publish roadmap' from May to June, position 2 of 5",
    );
  });

  it('shouldDescribeAReorderWithinAMonth', () => {
    expect(describeMove({ title: 'Publish roadmap', from: 'May', to: 'May', position: 1, total: 6 })).toBe(
      "Moved 'Publish roadmap' within May, position 1 of 6",
    );
  });

  it('shouldNameColumnsByMonthAndTheBacklog', () => {
    const board = cardanoBoard();
    expect(columnName(board, '2024-06')).toBe('June');
    expect(columnName(board, BACKLOG)).toBe('Backlog');
    expect(describeCancel('Name CIP Reviewer', 'September')).toBe(
      "Move cancelled. 'Name CIP Reviewer' stays in September.",
    );
  });

  it('shouldNameTheYearInAPlanAcrossYears', () => {
    const board = cardanoBoard();
    const across = { ...board, group: { ...board.group, planEnd: { key: '2025-02', year: 2025, month: 2 } } };
    expect(columnName(across, '2024-06')).toBe('June 2024');
  });
});

describe('stable column arrays', () => {
  it('shouldKeepTheArraysOfUnchangedColumnsAndThePreviousValueWhenNothingChanged', () => {
    const previous = { backlog: [1, 2], '2024-05': [3], '2024-06': [4, 5] };
    const next = { backlog: [1, 2], '2024-05': [], '2024-06': [3, 4, 5] };

    const reused = reuseUnchanged(previous, next);

    expect(reused).toEqual(next);
    expect(reused.backlog).toBe(previous.backlog);
    expect(reused['2024-06']).toBe(next['2024-06']);
    expect(reuseUnchanged(previous, { ...previous, backlog: [1, 2] })).toBe(previous);
  });

  it('shouldListTheCardsOfEachColumnInTheOrderOfItsIds', () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const cardsById = new Map([[card.id, card]]);

    expect(columnCards({ backlog: [card.id, 99_999] }, cardsById)).toEqual({ backlog: [card] });
  });
});
