import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Dto } from '@/api/types';
import { toMonth } from '@/lib/months';
import { fakeFetch, renderWithProviders, type FakeAnswer } from '@/testing/render';
import { ImportFlow, type ImportTarget } from './import-flow';

const document = '# Core Infrastructure Roadmap\n\n## Key Milestones\n\n1. **May:**\n   * Draft charter\n';

function previewDto(overrides: Partial<Dto<'ImportPreview'>> = {}): Dto<'ImportPreview'> {
  return {
    group: {
      name: 'Core Infrastructure Roadmap',
      slug: 'core-infrastructure-roadmap',
      planStart: '2024-05',
      planEnd: '2024-06',
    },
    counts: { goals: 1, phases: 1, months: 2, cards: 3, backlogCards: 1, meetings: 1 },
    goals: [{ title: 'Vision', measure: { label: 'New contributors', target: 25 } }],
    phases: [{ name: 'Launch', start: '2024-05', end: '2024-06' }],
    months: [
      { month: '2024-05', title: 'Kick-off', cards: ['Draft charter', 'Name a reviewer'] },
      { month: '2024-06', cards: ['Publish roadmap'] },
    ],
    backlog: ['Ask research labs'],
    meetings: [{ number: 1, date: '2024-05-07', tentative: true, objectives: ['Agree on mission'] }],
    warnings: [{ line: 17, text: 'Some paragraph', reason: 'paragraph not imported' }],
    problems: [],
    ...overrides,
  };
}

const result = {
  slug: 'wg',
  name: 'Core Infrastructure Roadmap',
  planStart: '2024-05',
  planEnd: '2024-10',
  counts: { goals: 1, phases: 1, months: 6, cards: 3, backlogCards: 1, meetings: 1 },
  warnings: [{ line: 17, text: 'Some paragraph', reason: 'paragraph not imported' }],
};

const chairTarget: ImportTarget = {
  kind: 'group',
  slug: 'wg',
  name: 'Core WG',
  planStart: toMonth('2024-05'),
  planEnd: toMonth('2024-10'),
  canManage: true,
};

function serve(answers: Record<string, (request: Request) => FakeAnswer | Promise<FakeAnswer>>) {
  const server = fakeFetch((request) => {
    const url = new URL(request.url);
    const answer = answers[`${request.method} ${url.pathname}`];
    return answer ? answer(request) : { status: 404, body: { title: 'Not Found', status: 404 } };
  });
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

function renderFlow(target: ImportTarget = chairTarget) {
  renderWithProviders(<ImportFlow target={target} boardHref={(slug) => `/groups/${slug}/board`} />);
}

async function pasteAndPreview(text = document) {
  fireEvent.change(screen.getByLabelText('Or paste it here'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Preview the import' }));
  return screen.findByTestId('import-preview');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ImportFlow', () => {
  it('shouldPreviewThenImportIntoTheGroupAllOrNothing', async () => {
    let finish: (answer: FakeAnswer) => void = () => {};
    const server = serve({
      'POST /api/imports/preview': () => ({ status: 200, body: previewDto() }),
      'POST /api/groups/wg/import': () => new Promise<FakeAnswer>((resolve) => (finish = resolve)),
    });
    renderFlow();

    const preview = await pasteAndPreview();
    expect(server.requests[0]).toMatchObject({ method: 'POST', body: document });
    expect(server.requests[0]!.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8');
    // What would be created…
    expect(within(preview).getByText('Cards').nextElementSibling).toHaveTextContent('3');
    expect(within(preview).getByText('In the backlog').nextElementSibling).toHaveTextContent('1');
    const months = within(preview).getByRole('region', { name: 'Months and cards' });
    expect(months).toHaveTextContent('May 2024 — Kick-off (2 cards)');
    expect(within(months).getByText('Publish roadmap')).toBeInTheDocument();
    expect(within(months).getByText('Ask research labs')).toBeInTheDocument();
    expect(within(preview).getByRole('region', { name: 'Goals' })).toHaveTextContent(
      'Vision — measured by New contributors',
    );
    expect(within(preview).getByRole('region', { name: 'Meetings' })).toHaveTextContent(
      '#1 Tue 7 May 2024 (tentative)',
    );
    // …and what was not understood.
    expect(within(preview).getByText('1 part was not understood and would be left out')).toBeInTheDocument();
    expect(within(preview).getByText('Line 17')).toBeInTheDocument();
    expect(within(preview).getByText(/paragraph not imported/)).toBeInTheDocument();
    expect(screen.getByText(/This replaces the plan of Core WG/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What the import would do' })).toHaveFocus();
    expect(server.requests).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Replace the plan with this document' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Importing… All or nothing');
    expect(screen.getByRole('button', { name: 'Importing…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Back to the document/ })).toBeDisabled();
    expect(server.requests[1]).toMatchObject({
      method: 'POST',
      url: 'http://localhost/api/groups/wg/import',
      body: document,
    });

    finish({ status: 200, body: result });
    expect(await screen.findByRole('heading', { name: 'Roadmap imported' })).toHaveFocus();
    expect(
      screen.getByText(/3 cards, 1 goals, 1 phases and 1 meetings, planned May – Oct 2024/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the board' })).toHaveAttribute('href', '/groups/wg/board');
  });

  it('shouldNotImportADocumentWithProblems', async () => {
    serve({
      'POST /api/imports/preview': () => ({
        status: 200,
        body: previewDto({ problems: [{ field: 'cards[2].title', message: 'at most 200 characters' }] }),
      }),
    });
    renderFlow();
    const preview = await pasteAndPreview();
    const alert = within(preview).getByRole('alert');
    expect(alert).toHaveTextContent('1 problem stops the import; nothing would be created');
    expect(within(alert).getByRole('listitem')).toHaveTextContent('cards[2].title at most 200 characters');
    expect(screen.getByRole('button', { name: 'Replace the plan with this document' })).toBeDisabled();
  });

  it('shouldSayWhenTheDocumentWidensThePlanAndWhoMayDoThat', async () => {
    const wide = previewDto({ group: { name: 'X', planStart: '2024-03', planEnd: '2024-06' } });
    serve({ 'POST /api/imports/preview': () => ({ status: 200, body: wide }) });
    renderFlow();
    await pasteAndPreview();
    expect(screen.getByText(/the group's plan will be widened to Mar – Oct 2024/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace the plan with this document' })).toBeEnabled();
  });

  it('shouldStopAMemberWhoseDocumentWouldWidenThePlan', async () => {
    const wide = previewDto({ group: { name: 'X', planStart: '2024-03', planEnd: '2024-06' } });
    serve({ 'POST /api/imports/preview': () => ({ status: 200, body: wide }) });
    renderFlow({ ...chairTarget, canManage: false });
    await pasteAndPreview();
    expect(screen.getByText(/Only a chair can import it/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace the plan with this document' })).toBeDisabled();
  });

  it('shouldExplainARefusedImportAndKeepThePreview', async () => {
    serve({
      'POST /api/imports/preview': () => ({ status: 200, body: previewDto() }),
      'POST /api/groups/wg/import': () => ({
        status: 400,
        body: {
          title: 'Invalid request',
          status: 400,
          detail: 'The document cannot be imported',
          errors: [
            { field: 'goals[0].title', message: 'must not be blank' },
            { field: 'cards[3].title', message: 'at most 200 characters' },
          ],
        },
      }),
    });
    renderFlow();
    await pasteAndPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Replace the plan with this document' }));
    const alert = await screen.findByText('Could not import the roadmap: the document has 2 problems.');
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box).toHaveTextContent('goals[0].title must not be blank');
    expect(box).toHaveTextContent('cards[3].title at most 200 characters');
    expect(screen.getByTestId('import-preview')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace the plan with this document' })).toBeEnabled();
  });

  it('shouldExplainAFailedPreviewInPlace', async () => {
    serve({
      'POST /api/imports/preview': () => ({
        status: 401,
        body: { title: 'Unauthorized', status: 401, detail: 'Sign in first' },
      }),
    });
    renderFlow();
    fireEvent.change(screen.getByLabelText('Or paste it here'), { target: { value: document } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview the import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not preview the import: you are not signed in');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('shouldReadAChosenFileAndRefuseOneTooLarge', async () => {
    const server = serve({ 'POST /api/imports/preview': () => ({ status: 200, body: previewDto() }) });
    renderFlow();
    const input = screen.getByLabelText('Choose a file');
    const big = new File(['x'], 'huge.md', { type: 'text/markdown' });
    Object.defineProperty(big, 'size', { value: 2 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "'huge.md' is 2.0 MB; a roadmap document may be at most 1 MB.",
    );

    fireEvent.change(input, {
      target: { files: [new File([document], 'ROADMAP.md', { type: 'text/markdown' })] },
    });
    await waitFor(() => expect(screen.getByLabelText('Or paste it here')).toHaveValue(document));
    expect(screen.getByText('Read from ROADMAP.md; edit it below if needed.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Preview the import' }));
    await screen.findByTestId('import-preview');
    expect(server.requests[0]!.body).toBe(document);
  });

  it('shouldAskForADocumentBeforePreviewing', () => {
    const server = serve({});
    renderFlow();
    fireEvent.click(screen.getByRole('button', { name: 'Preview the import' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste the document or choose a file first.');
    expect(server.requests).toHaveLength(0);
  });

  it('shouldCreateANewGroupWithTheChosenAddressAndVisibility', async () => {
    let taken = true;
    const server = serve({
      'POST /api/imports/preview': () => ({ status: 200, body: previewDto() }),
      'POST /api/imports': () =>
        taken
          ? {
              status: 409,
              body: {
                title: 'Conflict',
                status: 409,
                detail: "The slug 'core-infrastructure-roadmap' is already taken",
              },
            }
          : { status: 201, body: { ...result, slug: 'core-2024' } },
    });
    renderFlow({ kind: 'new' });
    await pasteAndPreview();
    // The document's suggestions come first.
    expect(screen.getByLabelText('Name')).toHaveValue('Core Infrastructure Roadmap');
    expect(screen.getByLabelText('Address (slug)')).toHaveValue('core-infrastructure-roadmap');

    fireEvent.click(screen.getByRole('button', { name: 'Create the group' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Could not create the group: The slug 'core-infrastructure-roadmap' is already taken",
    );

    taken = false;
    fireEvent.change(screen.getByLabelText('Address (slug)'), { target: { value: 'core-2024' } });
    fireEvent.change(screen.getByLabelText('Who can see it'), { target: { value: 'MEMBERS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the group' }));
    expect(
      await screen.findByRole('heading', { name: /Core Infrastructure Roadmap created/ }),
    ).toBeInTheDocument();
    const create = server.requests[2]!;
    expect(new URL(create.url).searchParams.get('slug')).toBe('core-2024');
    expect(new URL(create.url).searchParams.get('visibility')).toBe('MEMBERS');
    expect(new URL(create.url).searchParams.get('name')).toBe('Core Infrastructure Roadmap');
    expect(create.body).toBe(document);
    expect(screen.getByRole('link', { name: 'Open the board' })).toHaveAttribute(
      'href',
      '/groups/core-2024/board',
    );
  });
});
