import { expect, test } from '@playwright/test';
import {
  cardIn,
  createBoard,
  deleteBoard,
  moveCardByApi,
  signedInRequest,
  users,
  type BoardFixture,
} from './support';

test.describe('a board on screen', () => {
  let board: BoardFixture;
  let cleanup: () => Promise<void>;

  test.beforeAll(async ({ browser }) => {
    const admin = await signedInRequest(browser, users.admin);
    board = await createBoard(admin.request, null, 'live');
    cleanup = async () => {
      await deleteBoard(admin.request, board.slug);
      await admin.close();
    };
  });

  test.afterAll(async () => {
    await cleanup?.();
  });

  test('shows a move someone else made, without a reload', async ({ page, browser }) => {
    await page.goto(`/groups/${board.slug}/board`);
    await expect(cardIn(page, board.may, 'Submit vocabulary for review')).toBeVisible();

    const other = await signedInRequest(browser, users.admin);
    await moveCardByApi(other.request, board.slug, board.cards['Submit vocabulary for review']!, board.june);
    await other.close();

    await expect(cardIn(page, board.june, 'Submit vocabulary for review')).toBeVisible({ timeout: 5_000 });
    await expect(cardIn(page, board.may, 'Submit vocabulary for review')).toHaveCount(0);
  });
});
