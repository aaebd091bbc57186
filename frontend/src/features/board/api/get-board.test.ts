import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardanoBoardDto } from '@/testing/fixtures';
import { getBoard } from './get-board';

const SLUG = cardanoBoardDto().group?.slug ?? 'missing';
const boardUrl = (slug: string) => `http://localhost/api/groups/${slug}/board`;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('getBoard', () => {
  afterEach(() => {
    delete window.milepostBoardPreload;
    vi.unstubAllGlobals();
  });

  it('takes the request public/board-preload.js started, once, then asks the API itself', async () => {
    const dto = cardanoBoardDto();
    const fetchSpy = vi.fn<typeof fetch>(async () => json(dto));
    vi.stubGlobal('fetch', fetchSpy);
    window.milepostBoardPreload = { url: boardUrl(SLUG), response: Promise.resolve(json(dto)) };

    const first = await getBoard(SLUG);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(first.group.slug).toBe(SLUG);
    expect(window.milepostBoardPreload).toBeUndefined();

    await getBoard(SLUG);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it("leaves another board's preload alone", async () => {
    const dto = cardanoBoardDto();
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () => json(dto)),
    );
    const other = { url: boardUrl('another-group'), response: Promise.resolve(json(dto)) };
    window.milepostBoardPreload = other;

    await getBoard(SLUG);
    expect(window.milepostBoardPreload).toBe(other);
  });

  it.each([
    ['an error answer', () => Promise.resolve(json({ status: 404, title: 'Not Found' }, 404))],
    ['no answer (network failure)', () => Promise.resolve(null)],
    [
      'a page instead of JSON',
      () => Promise.resolve(new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } })),
    ],
  ])('asks the API again after %s, so its errors are reported the usual way', async (_what, response) => {
    const fetchSpy = vi.fn<typeof fetch>(async () =>
      json({ status: 403, title: 'Forbidden', detail: 'Members only' }, 403),
    );
    vi.stubGlobal('fetch', fetchSpy);
    window.milepostBoardPreload = { url: boardUrl(SLUG), response: response() };

    await expect(getBoard(SLUG)).rejects.toMatchObject({ status: 403 });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
