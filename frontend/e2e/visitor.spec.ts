import { expect, test } from '@playwright/test';
import { boardForTests, cardIn } from './support';

test.describe('an anonymous visitor', () => {
  const shared = boardForTests('visitor', { withMember: false });

  test('sees a public board read-only: no drag handles, no edit controls, a way to sign in', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await page.getByRole('link', { name: /Core Infrastructure Roadmap \(visitor\)/ }).click();

    await expect(cardIn(page, shared.board.may, 'Publish roadmap')).toBeVisible();
    await expect(page.getByTestId('read-only-note')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Move '/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
    await expect(page.locator('[aria-roledescription="sortable"]')).toHaveCount(0);

    // Dragging does nothing (no request is made) and the card can still be read.
    let moves = 0;
    page.on('request', (r) => (r.url().includes('/move') ? moves++ : undefined));
    await cardIn(page, shared.board.may, 'Publish roadmap').dragTo(
      page.getByTestId(`column-${shared.board.june}`),
      {
        steps: 10,
      },
    );
    expect(moves).toBe(0);
    await expect(cardIn(page, shared.board.may, 'Publish roadmap')).toBeVisible();

    await page.getByRole('button', { name: 'Publish roadmap', exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'Publish roadmap' })).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Edit' })).toHaveCount(0);
  });
});
