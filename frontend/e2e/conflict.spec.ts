import { expect, test } from '@playwright/test';
import { boardForTests, cardIn, changeCard, column, signedInRequest, signIn, users } from './support';

test.describe('a refused move', () => {
  const shared = boardForTests('conflict');

  test('is rolled back with a message when the card was changed meanwhile (409)', async ({
    page,
    browser,
  }) => {
    // Live updates would show the other person's change before the drop; without them (a dropped connection, or the
    // change landing while the card is in the air) the server is the one to refuse.
    await page.route('**/events', (route) => route.abort());
    await signIn(page, users.member, `/groups/${shared.board.slug}/board`);
    await page.goto(`/groups/${shared.board.slug}/board`);
    await expect(cardIn(page, shared.board.may, 'Submit vocabulary for review')).toBeVisible();

    // Someone else renames the card while this page still shows the old version.
    const other = await signedInRequest(browser, users.admin);
    await changeCard(
      other.request,
      shared.board.slug,
      shared.board.cards['Submit vocabulary for review']!,
      'Submit vocabulary (renamed)',
    );
    await other.close();

    const refused = page.waitForResponse((r) => r.url().includes('/move') && r.request().method() === 'POST');
    await cardIn(page, shared.board.may, 'Submit vocabulary for review').dragTo(
      column(page, shared.board.june).locator('.board-column__cards'),
      {
        steps: 20,
      },
    );
    expect((await refused).status()).toBe(409);

    await expect(page.getByRole('alert').filter({ hasText: 'Changed by someone else' })).toBeVisible();
    // The board shows the current state: the card back in May, with the other person's title.
    await expect(cardIn(page, shared.board.may, 'Submit vocabulary (renamed)')).toBeVisible();
    await expect(column(page, shared.board.june).getByText('Submit vocabulary')).toHaveCount(0);
    await expect(page.getByTestId('board-announcer')).toContainText('is back in May');
  });
});
