import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { makeQueryClient } from '@/lib/query-client';
import { fakeFetch, renderWithProviders } from '@/testing/render';
import { ExportButton } from './export-button';

// jsdom has no object URLs: stand-ins, which the download revokes a second later.
const blobs: Blob[] = [];
URL.createObjectURL = (blob: Blob) => {
  blobs.push(blob);
  return 'blob:roadmap';
};
URL.revokeObjectURL = () => {};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  blobs.length = 0;
});

describe('ExportButton', () => {
  it('shouldDownloadTheRoadmapAsAFileNamedAfterTheGroup', async () => {
    const markdown = '# Core WG\n\n## Key milestones\n';
    const server = fakeFetch(() => ({
      status: 200,
      text: markdown,
      contentType: 'text/markdown;charset=utf-8',
    }));
    vi.stubGlobal('fetch', server.fetch);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderWithProviders(<ExportButton slug="core-infra" />);

    fireEvent.click(screen.getByRole('button', { name: 'Download roadmap (Markdown)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(server.requests[0]!.url).toBe('http://localhost/api/groups/core-infra/export');
    expect(server.requests[0]!.headers.get('Accept')).toContain('text/markdown');
    expect(clicked[0]!.download).toBe('core-infra.md');
    expect(clicked[0]!.href).toBe('blob:roadmap');
    expect(await blobs[0]!.text()).toBe(markdown);
    expect(await screen.findByText('Roadmap downloaded')).toBeInTheDocument();
  });

  it('shouldExplainAFailedDownload', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(() => ({ status: 404, body: { title: 'Not Found', status: 404, detail: "No group 'gone'" } }))
        .fetch,
    );
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    // The app's query client: a failed mutation becomes a toast there (lib/query-client.ts).
    renderWithProviders(<ExportButton slug="gone" />, { client: makeQueryClient() });
    fireEvent.click(screen.getByRole('button', { name: 'Download roadmap (Markdown)' }));
    expect(await screen.findByText("Could not download the roadmap: No group 'gone'")).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });
});
