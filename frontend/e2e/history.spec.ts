import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { boardForTests, moveCardByApi, signIn, users } from './support';

test.describe('history, activity and roadmap documents', () => {
  const shared = boardForTests('history');

  test('an edit shows in the card history; a move made elsewhere is told live and listed in the activity', async ({
    page,
  }) => {
    await signIn(page, users.member, `/groups/${shared.board.slug}/board`);
    await page.goto(`/groups/${shared.board.slug}/board`);

    // Edit a card in its dialog, then open its history.
    await page.getByRole('button', { name: 'Map current state', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Edit' }).click();
    await dialog.getByLabel('Status').selectOption('IN_PROGRESS');
    await dialog.getByLabel('Support').fill('CBT liaison');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('CBT liaison')).toBeVisible();
    await dialog.getByRole('tab', { name: 'History' }).click();
    const entries = dialog.getByTestId('history-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('changed the status and support');
    await expect(entries.first()).toContainText('from Planned → to In progress');
    await expect(entries.first()).toContainText('from none → to CBT liaison');
    await expect(entries.first().locator('time')).toContainText('just now');
    await expect(entries.last()).toContainText('created in June');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Someone else moves a card: the person is told, in words, and screen readers hear it politely.
    await moveCardByApi(
      shared.admin,
      shared.board.slug,
      shared.board.cards['Submit vocabulary for review']!,
      shared.board.june,
    );
    await expect(page.getByTestId('live-notices')).toContainText(
      "moved 'Submit vocabulary for review' from May to June",
    );
    await expect(page.locator('.toast', { hasText: "moved 'Submit vocabulary for review'" })).toBeVisible();
    // This person's own edit, moments before, was not told to them.
    await expect(page.locator('.toast', { hasText: 'Map current state' })).toHaveCount(0);

    // The activity lists both, newest first, linked to the cards.
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    const feed = page.getByTestId('activity-entry');
    await expect(feed.first()).toContainText("moved 'Submit vocabulary for review' from May to June");
    await expect(feed.nth(1)).toContainText("changed the status and support of 'Map current state'");
    await feed.nth(1).getByRole('link', { name: "'Map current state'" }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${shared.board.slug}/board\\?card=`));
    await expect(page.getByRole('dialog').getByRole('heading', { name: 'Map current state' })).toBeVisible();
  });

  test('downloads the roadmap as Markdown and previews an import of it', async ({ page }) => {
    await signIn(page, users.member, `/groups/${shared.board.slug}/about`);
    await page.goto(`/groups/${shared.board.slug}/about`);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download roadmap (Markdown)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${shared.board.slug}.md`);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain('Core Infrastructure Roadmap (history)');
    expect(markdown).toContain('Draft comms plan');

    await page.getByRole('link', { name: /Import a document/ }).click();
    await page.getByLabel('Choose a file').setInputFiles({
      name: `${shared.board.slug}.md`,
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    await expect(page.getByLabel('Or paste it here')).toHaveValue(markdown);
    await page.getByRole('button', { name: 'Preview the import' }).click();

    const preview = page.getByTestId('import-preview');
    await expect(preview.locator('.import-counts > div', { hasText: 'Cards' })).toContainText('6');
    await expect(preview.locator('.import-counts > div', { hasText: 'Goals' })).toContainText('2');
    await expect(preview.getByRole('region', { name: 'Months and cards' })).toContainText('Publish roadmap');
    await expect(preview.getByRole('region', { name: 'Meetings' })).toContainText('Agree on Group Mission');
    await expect(preview).toContainText('Every part of the document was understood.');
    await expect(page.getByText(/This replaces the plan of/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Replace the plan with this document' })).toBeEnabled();
  });
});
