import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cardanoBoard, cardByTitle } from '@/testing/fixtures';
import { fakeFetch, renderWithProviders } from '@/testing/render';
import type { Card } from '@/types/domain';
import { CardDialog } from './card-dialog';

declare global {
  interface Window {
    hacked?: boolean;
  }
}

const board = cardanoBoard();

function renderDialog(card: Card, canEdit = true) {
  const onClose = vi.fn<() => void>();
  renderWithProviders(
    <CardDialog
      slug="core-infra-roadmap"
      card={card}
      goals={board.goals}
      canEdit={canEdit}
      onClose={onClose}
    />,
  );
  return { onClose, dialog: screen.getByRole('dialog') };
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.hacked;
});

describe('CardDialog', () => {
  it('shouldShowEveryFieldAndRenderTheDescriptionAsMarkdown', () => {
    const card = cardByTitle(board, 'Publish a first roadmap process');
    const { dialog } = renderDialog({
      ...card,
      support: 'CBT liaison',
      deliverable: 'Documentation about gaps',
    });
    expect(
      within(dialog).getByRole('heading', { name: 'Publish a first roadmap process' }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('June 2024')).toBeInTheDocument();
    expect(within(dialog).getByText('Planned')).toBeInTheDocument();
    expect(within(dialog).getByText('The Process')).toBeInTheDocument();
    expect(within(dialog).getByText('Tomás')).toBeInTheDocument();
    expect(within(dialog).getByText('CBT liaison')).toBeInTheDocument();
    expect(within(dialog).getByText('Documentation about gaps')).toBeInTheDocument();
    expect(within(dialog).getByText('first roadmap process').tagName).toBe('STRONG');
    expect(within(dialog).getByRole('link', { name: 'Intersect' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow ugc',
    );
  });

  it('shouldNeverRunScriptFromACardDescription', async () => {
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const payload = [
      'Hello <script>window.hacked = true</script>',
      '<img src="x" onerror="window.hacked = true">',
      '<a href="javascript:window.hacked=true">click me</a>',
      '<iframe srcdoc="<script>parent.hacked = true</script>"></iframe>',
    ].join('\n\n');
    const { dialog } = renderDialog({ ...card, description: payload });

    const description = dialog.querySelector('.card-details__description') as HTMLElement;
    expect(description).toHaveTextContent('Hello');
    expect(description.querySelector('script, iframe')).toBeNull();
    expect(description.querySelector('[onerror]')).toBeNull();
    expect(description.innerHTML).not.toMatch(/javascript:|onerror/i);
    const img = description.querySelector('img');
    img?.dispatchEvent(new Event('error'));
    within(description).queryByText('click me')?.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.hacked).toBeUndefined();
  });

  it('shouldOfferNoEditingToReadOnlyViewers', () => {
    const { dialog } = renderDialog(cardByTitle(board, 'Name CIP Reviewer'), false);
    expect(within(dialog).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('shouldSaveEditsWithTheVersionTheyAreBasedOn', async () => {
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const server = fakeFetch(async () => ({
      status: 200,
      body: { ...card, month: '2024-09', title: 'Name a CIP reviewer', version: 1 },
    }));
    vi.stubGlobal('fetch', server.fetch);
    const { dialog } = renderDialog(card);

    fireEvent.click(within(dialog).getByRole('button', { name: /Edit/ }));
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Name a CIP reviewer' } });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'IN_PROGRESS' } });
    fireEvent.change(within(dialog).getByLabelText('Support'), { target: { value: 'Aiko' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]).toMatchObject({
      method: 'PUT',
      url: `http://localhost/api/groups/core-infra-roadmap/cards/${card.id}`,
      body: {
        title: 'Name a CIP reviewer',
        status: 'IN_PROGRESS',
        support: 'Aiko',
        responsible: 'Tomás',
        goalId: 3,
        version: 0,
      },
    });
    await waitFor(() =>
      expect(within(dialog).queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument(),
    );
  });

  it('shouldExplainAConflictAndShowTheCurrentVersion', async () => {
    const card = cardByTitle(board, 'Name CIP Reviewer');
    const theirs = { ...card, month: '2024-09', status: 'DONE', responsible: 'Kwame', version: 2 };
    const server = fakeFetch(async () => ({
      status: 409,
      body: { title: 'Conflict', status: 409, detail: 'stale', current: theirs },
    }));
    vi.stubGlobal('fetch', server.fetch);
    const { dialog } = renderDialog(card);

    fireEvent.click(within(dialog).getByRole('button', { name: /Edit/ }));
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Mine' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone else changed this card');
    expect(within(dialog).getByText('Kwame')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Title')).toHaveValue('Mine');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1]!.body).toMatchObject({ title: 'Mine', version: 2 });
  });
});
