import { expect, test } from '@playwright/test';
import { boardForTests, cardIn, moveCardByApi, signedInRequest, users } from './support';

test.describe('a board on screen', () => {
  const shared = boardForTests('live', { withMember: false });

  test('shows a move someone else made, without a reload', async ({ page, browser }) => {
    await page.goto(`/groups/${shared.board.slug}/board`);
    await expect(cardIn(page, shared.board.may, 'Submit vocabulary for review')).toBeVisible();

    const other = await signedInRequest(browser, users.admin);
    await moveCardByApi(
      other.request,
      shared.board.slug,
      shared.board.cards['Submit vocabulary for review']!,
      shared.board.june,
    );
    await other.close();

    await expect(cardIn(page, shared.board.june, 'Submit vocabulary for review')).toBeVisible({
      timeout: 5_000,
    });
    await expect(cardIn(page, shared.board.may, 'Submit vocabulary for review')).toHaveCount(0);
  });
});
