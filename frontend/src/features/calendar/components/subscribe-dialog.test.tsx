import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeFetch, renderWithProviders, type FakeAnswer } from '@/testing/render';
import { SubscribeDialog } from './subscribe-dialog';

const secretPath = '/api/calendar/k3J0v5secret.ics';

function renderDialog(visibility: 'PUBLIC' | 'MEMBERS', canMakeLinks = true) {
  renderWithProviders(
    <SubscribeDialog
      slug="wg"
      groupName="Core WG"
      visibility={visibility}
      canMakeLinks={canMakeLinks}
      onClose={() => {}}
    />,
  );
  return screen.getByRole('dialog');
}

function serve(answer: (request: Request) => FakeAnswer | Promise<FakeAnswer>) {
  const server = fakeFetch(answer);
  vi.stubGlobal('fetch', server.fetch);
  return server;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SubscribeDialog', () => {
  it('shouldOfferThePublicFeedOfAPublicGroup', async () => {
    const server = serve(() => ({ status: 500 }));
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const dialog = renderDialog('PUBLIC');

    const address = within(dialog).getByLabelText('Calendar address');
    expect(address).toHaveValue('http://localhost/api/groups/wg/meetings.ics');
    expect(within(dialog).getByRole('link', { name: /Open in my calendar app/ })).toHaveAttribute(
      'href',
      'webcal://localhost/api/groups/wg/meetings.ics',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: /Copy/ }));
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('http://localhost/api/groups/wg/meetings.ics');
    // A public feed needs no secret link.
    expect(server.requests).toHaveLength(0);
  });

  it('shouldMakeShowOnceAndRevokeASecretLinkOfAMembersGroup', async () => {
    let links = [{ id: 3, createdAt: '2024-06-01T10:00:00Z' }];
    const server = serve((request) => {
      if (request.method === 'POST') {
        links = [...links, { id: 7, createdAt: '2024-06-12T10:00:00Z' }];
        return {
          status: 201,
          body: {
            id: 7,
            url: `http://backend:8080${secretPath}`,
            path: secretPath,
            createdAt: '2024-06-12T10:00:00Z',
          },
        };
      }
      if (request.method === 'DELETE') {
        const id = Number(request.url.split('/').pop());
        links = links.filter((l) => l.id !== id);
        return { status: 204 };
      }
      return { status: 200, body: links };
    });
    const dialog = renderDialog('MEMBERS');

    expect(await within(dialog).findAllByTestId('calendar-link')).toHaveLength(1);
    expect(within(dialog).getByText(/keep it to yourself/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: /Make my secret link/ }));

    // Shown once, at the API address the app uses (not the backend's own idea of its address).
    const address = await within(dialog).findByLabelText('Your secret calendar address');
    expect(address).toHaveValue(`http://localhost${secretPath}`);
    expect(within(dialog).getByText(/it is shown only this once/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: /Open in my calendar app/ })).toHaveAttribute(
      'href',
      `webcal://localhost${secretPath}`,
    );
    await waitFor(() => expect(within(dialog).getAllByTestId('calendar-link')).toHaveLength(2));

    // Revoking asks first and says what it does; "Keep it" changes nothing.
    const newest = within(dialog).getAllByTestId('calendar-link')[1]!;
    fireEvent.click(within(newest).getByRole('button', { name: /Revoke the secret link/ }));
    const confirm = within(newest).getByRole('group', { name: 'Revoke this link?' });
    expect(confirm).toHaveTextContent('Calendars subscribed to it stop receiving the meetings');
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(server.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(within(newest).getByRole('button', { name: /Revoke the secret link/ }));
    fireEvent.click(within(newest).getByRole('button', { name: 'Revoke link' }));
    await waitFor(() => expect(within(dialog).getAllByTestId('calendar-link')).toHaveLength(1));
    expect(server.requests.find((r) => r.method === 'DELETE')!.url).toBe(
      'http://localhost/api/groups/wg/calendar-links/7',
    );
    // The revoked link is not offered any more.
    expect(within(dialog).queryByLabelText('Your secret calendar address')).not.toBeInTheDocument();
  });

  it('shouldPutBackALinkWhoseRevocationFailed', async () => {
    serve((request) =>
      request.method === 'DELETE'
        ? { status: 500, body: { title: 'Internal Server Error', status: 500 } }
        : { status: 200, body: [{ id: 3, createdAt: '2024-06-01T10:00:00Z' }] },
    );
    const dialog = renderDialog('MEMBERS');
    const link = await within(dialog).findByTestId('calendar-link');
    fireEvent.click(within(link).getByRole('button', { name: /Revoke the secret link/ }));
    fireEvent.click(within(link).getByRole('button', { name: 'Revoke link' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not revoke the link: the server had a problem',
    );
    expect(within(dialog).getAllByTestId('calendar-link')).toHaveLength(1);
  });

  it('shouldExplainAFailureToMakeALink', async () => {
    serve((request) =>
      request.method === 'POST'
        ? {
            status: 403,
            body: {
              title: 'Forbidden',
              status: 403,
              detail: "Only members of 'wg' make personal calendar links",
            },
          }
        : { status: 200, body: [] },
    );
    const dialog = renderDialog('MEMBERS');
    expect(await within(dialog).findByText('None yet.')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: /Make my secret link/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Could not make a calendar link: Only members of 'wg' make personal calendar links",
    );
  });

  it('shouldTellSomeoneOutsideAMembersGroupThatOnlyMembersSubscribe', () => {
    const server = serve(() => ({ status: 200, body: [] }));
    const dialog = renderDialog('MEMBERS', false);
    expect(dialog).toHaveTextContent('Members make a personal secret link');
    expect(within(dialog).queryByRole('button', { name: /Make my secret link/ })).not.toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });
});
