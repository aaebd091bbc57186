import { expect, test } from '@playwright/test';
import { boardForTests, cardIn, column, signIn, users, type BoardFixture } from './support';

const EXTRA = 70;
const julyOf = (board: BoardFixture) => `${board.may.slice(0, 4)}-07`;

test.describe('a long month column', () => {
  const shared = boardForTests('long', {
    prepare: async (admin, board) => {
      const cards = Array.from({ length: EXTRA }, (_, i) => ({
        title: `Task ${i + 1} of July`,
        month: julyOf(board),
      }));
      const created = await admin.post(`/api/groups/${shared.board.slug}/cards/batch`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        data: { cards },
      });
      expect(created.status()).toBe(201);
    },
  });

  test('draws its first cards, the rest as it is scrolled, and takes a card dropped far down', async ({
    page,
  }) => {
    const july = julyOf(shared.board);
    await signIn(page, users.member, `/groups/${shared.board.slug}/board`);
    await page.goto(`/groups/${shared.board.slug}/board`);
    const list = column(page, july).locator('.board-column__cards');
    await expect(column(page, july).getByTestId('column-count')).toHaveText(String(EXTRA));
    await expect(list.getByTestId('card')).toHaveCount(24);
    await expect(
      column(page, july).getByRole('button', { name: 'Show more (46 cards below)' }),
    ).toBeAttached();

    // Scrolled to its end (as dragging the scroll bar there would): every card is drawn, the last one in view.
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(list.getByTestId('card')).toHaveCount(EXTRA);
    await expect(cardIn(page, july, `Task ${EXTRA} of July`)).toBeInViewport();

    // A card of June dropped onto the 65th card of July lands next to it, and stays there after a reload.
    const moved = page.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
    await cardIn(page, shared.board.june, 'Map current state').dragTo(cardIn(page, july, 'Task 65 of July'), {
      steps: 20,
    });
    expect((await moved).status()).toBe(200);
    await expect(cardIn(page, july, 'Map current state')).toBeVisible();
    await expect(column(page, july).getByTestId('column-count')).toHaveText(String(EXTRA + 1));

    await page.reload();
    await expect(column(page, july).getByTestId('column-count')).toHaveText(String(EXTRA + 1));
    const after = column(page, july).locator('.board-column__cards');
    await after.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const titles = await after.getByTestId('card').locator('.card-tile__title').allTextContents();
    const at = titles.indexOf('Map current state');
    // Next to the card it was dropped onto (above or below it, by where the pointer let go).
    expect([titles[at - 1], titles[at + 1]]).toContain('Task 65 of July');
    expect(at).toBeGreaterThan(60);
  });
});
