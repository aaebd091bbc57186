import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** Accounts of the identity provider the backend uses (Keycloak realm, or Quarkus Dev Services for OIDC). */
export const users = {
  admin: {
    username: process.env.E2E_ADMIN_USER ?? 'alice',
    password: process.env.E2E_ADMIN_PASSWORD ?? 'alice',
  },
  member: {
    username: process.env.E2E_MEMBER_USER ?? 'bob',
    password: process.env.E2E_MEMBER_PASSWORD ?? 'bob',
  },
};
export type User = (typeof users)[keyof typeof users];

export const appOrigin = new URL(process.env.E2E_BASE_URL ?? 'http://localhost:18080').origin;

/** Cookie-authenticated changes must say they come from the app itself (ADR 0006). */
const SAME_ORIGIN = { 'X-Requested-With': 'XMLHttpRequest' };

/**
 * Signs in through the backend (/auth/login → the provider's login page → back), as a person would. Works with the
 * Keycloak login form and with the plain form of Quarkus Dev Services for OIDC.
 */
export async function signIn(page: Page, user: User, returnTo = '/') {
  await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  // Dev Services for OIDC offers a button per predefined user; Keycloak a username/password form.
  const predefined = page.locator(`button[name="predefined-${user.username}"]`);
  const username = page.locator('#username, input[name="username"]').first();
  await expect(predefined.or(username).first()).toBeVisible();
  if ((await predefined.count()) > 0) {
    await predefined.click();
  } else {
    await username.fill(user.username);
    await page.locator('#password, input[name="password"]').first().fill(user.password);
    await page.locator('#kc-login, button[type="submit"], input[type="submit"]').first().click();
  }
  // Back on the app (not on the provider, not on /auth/login): signed in.
  await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith('/auth/'), {
    timeout: 30_000,
  });
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export async function signedInRequest(
  browser: Browser,
  user: User,
): Promise<{ request: APIRequestContext; subject: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  const me = await (await context.request.get('/api/me')).json();
  return { request: context.request, subject: me.subject as string, close: () => context.close() };
}

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>, what: string): Promise<T> {
  const r = await response;
  if (!r.ok()) {
    throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  }
  return (r.status() === 204 ? undefined : await r.json()) as T;
}

export interface CardDto {
  id: number;
  title: string;
  month: string | null;
  version: number;
}

export interface BoardFixture {
  slug: string;
  may: string;
  june: string;
  cards: Record<string, CardDto>;
}

/**
 * A public group of its own for a test: plan May–October of this year, two goals, cards in May and June and the
 * backlog, meetings; the member is made a MEMBER. Everything through the API, as the admin.
 */
export async function createBoard(
  admin: APIRequestContext,
  memberSubject: string | null,
  name: string,
): Promise<BoardFixture> {
  const year = new Date().getFullYear();
  const slug = `e2e-${name}-${Date.now().toString(36)}`;
  const may = `${year}-05`;
  const june = `${year}-06`;
  await ok(
    admin.post('/api/groups', {
      headers: SAME_ORIGIN,
      data: {
        slug,
        name: `Core Infrastructure Roadmap (${name})`,
        mission:
          'To foster a transparent, inclusive, and adaptable core infrastructure roadmap for the decentralized development of Cardano.',
        description: 'Written on behalf of the **Core Infrastructure Roadmap** working group.',
        visibility: 'PUBLIC',
        planStart: may,
        planEnd: `${year}-10`,
      },
    }),
    'create group',
  );
  if (memberSubject) {
    await ok(
      admin.post(`/api/groups/${slug}/members`, {
        headers: SAME_ORIGIN,
        data: { subject: memberSubject, displayName: 'Bob Member', role: 'MEMBER' },
      }),
      'add member',
    );
  }
  const comms = await ok<{ id: number }>(
    admin.post(`/api/groups/${slug}/goals`, {
      headers: SAME_ORIGIN,
      data: {
        title: 'Communication Plan',
        color: '#d9822b',
        measure: { label: 'Current projects on the plan', target: 12, current: 5 },
      },
    }),
    'create goal',
  );
  const process = await ok<{ id: number }>(
    admin.post(`/api/groups/${slug}/goals`, {
      headers: SAME_ORIGIN,
      data: { title: 'The Process', color: '#1f8a70' },
    }),
    'create goal',
  );
  await ok(
    admin.post(`/api/groups/${slug}/phases`, {
      headers: SAME_ORIGIN,
      data: {
        name: 'Launch',
        startMonth: may,
        endMonth: june,
        focus: 'Brainstorm ideas; plan activities; build a core team',
      },
    }),
    'create phase',
  );
  await ok(
    admin.post(`/api/groups/${slug}/phases`, {
      headers: SAME_ORIGIN,
      data: {
        name: 'Grow',
        startMonth: `${year}-07`,
        endMonth: `${year}-10`,
        focus: 'Run activities; bring in new members; collect feedback',
      },
    }),
    'create phase',
  );
  const milestones = await ok<{ month: string; version: number }[]>(
    admin.get(`/api/groups/${slug}/milestones`),
    'read milestones',
  );
  const named: Record<string, { title: string; focus: string }> = {
    [may]: {
      title: 'Comms plan drafted',
      focus: 'Put mission, goals and vocabulary in front of the community',
    },
    [june]: { title: 'Map of the current state', focus: 'Publish a first roadmap process' },
  };
  for (const milestone of milestones.filter((m) => named[m.month])) {
    await ok(
      admin.put(`/api/groups/${slug}/milestones/${milestone.month}`, {
        headers: SAME_ORIGIN,
        data: { ...named[milestone.month], version: milestone.version },
      }),
      'name milestone',
    );
  }
  const created = await ok<{ items: CardDto[] }>(
    admin.post(`/api/groups/${slug}/cards/batch`, {
      headers: SAME_ORIGIN,
      data: {
        cards: [
          { title: 'Draft comms plan', month: may, status: 'DONE', responsible: 'Maria', goalId: comms.id },
          {
            title: 'Publish roadmap',
            month: may,
            status: 'IN_PROGRESS',
            responsible: 'Tomás',
            goalId: process.id,
            description:
              'Publish the **first roadmap process**.\n\n- Draft in Git\n- Ask the TWGs\n\n<script>window.hacked = true</script><img src=x onerror="window.hacked = true">',
          },
          { title: 'Submit vocabulary for review', month: may, status: 'PLANNED', responsible: 'Aiko' },
          {
            title: 'Map current state',
            month: june,
            status: 'PLANNED',
            responsible: 'Lena',
            goalId: process.id,
          },
          {
            title: 'Socialise comms plan',
            month: june,
            status: 'BLOCKED',
            responsible: 'Maria',
            goalId: comms.id,
          },
          { title: 'Ask research labs for their agenda', month: null },
        ],
      },
    }),
    'create cards',
  );
  await ok(
    admin.post(`/api/groups/${slug}/meetings`, {
      headers: SAME_ORIGIN,
      data: {
        date: `${year}-05-07`,
        tentative: false,
        location: 'Virtual',
        objectives: [
          'Agree on Group Mission',
          'Goal setting',
          'Initial discussion over milestones until Oct 3 (AMM)',
        ],
        outcome: 'Group mission and goals decided, Kanban board set up',
        cardIds: [],
      },
    }),
    'create meeting',
  );
  await ok(
    admin.post(`/api/groups/${slug}/meetings`, {
      headers: SAME_ORIGIN,
      data: {
        date: `${year + 1}-01-13`,
        tentative: true,
        location: 'Virtual',
        objectives: ['Review the year'],
        cardIds: [],
      },
    }),
    'create meeting',
  );
  return { slug, may, june, cards: Object.fromEntries(created.items.map((c) => [c.title, c])) };
}

export async function deleteBoard(admin: APIRequestContext, slug: string) {
  await admin.delete(`/api/groups/${slug}`, { headers: SAME_ORIGIN });
}

export async function changeCard(request: APIRequestContext, slug: string, card: CardDto, title: string) {
  const current = await ok<CardDto & Record<string, unknown>>(
    request.get(`/api/groups/${slug}/cards/${card.id}`),
    'read card',
  );
  return ok<CardDto>(
    request.put(`/api/groups/${slug}/cards/${card.id}`, {
      headers: SAME_ORIGIN,
      data: { title, status: current.status, responsible: current.responsible, version: current.version },
    }),
    'change card',
  );
}

export function column(page: Page, month: string) {
  return page.getByTestId(`column-${month}`);
}

export function cardIn(page: Page, month: string, title: string) {
  return column(page, month).getByTestId('card').filter({ hasText: title });
}

export async function titlesIn(page: Page, month: string): Promise<string[]> {
  return column(page, month).locator('.card-tile__title').allTextContents();
}

export async function moveCardByApi(request: APIRequestContext, slug: string, card: CardDto, month: string) {
  const current = await ok<CardDto>(request.get(`/api/groups/${slug}/cards/${card.id}`), 'read card');
  return ok<CardDto>(
    request.post(`/api/groups/${slug}/cards/${card.id}/move`, {
      headers: SAME_ORIGIN,
      data: { month, version: current.version },
    }),
    'move card',
  );
}

/** A board of the tests of one `test.describe`, and the admin's API context that made it. */
export interface SharedBoard {
  board: BoardFixture;
  admin: APIRequestContext;
}

/**
 * Gives the tests of the calling `test.describe` a board of their own: made through the API as the admin before them
 * (the member a MEMBER of it, unless `withMember` is false; `prepare` adds what the tests need), deleted after them.
 */
export function boardForTests(
  name: string,
  options: {
    withMember?: boolean;
    prepare?: (admin: APIRequestContext, board: BoardFixture) => Promise<void>;
  } = {},
): SharedBoard {
  const shared = {} as SharedBoard;
  let signOut: (() => Promise<void>) | undefined;
  test.beforeAll(async ({ browser }) => {
    let subject: string | null = null;
    if (options.withMember ?? true) {
      const member = await signedInRequest(browser, users.member);
      subject = member.subject;
      await member.close();
    }
    const admin = await signedInRequest(browser, users.admin);
    signOut = admin.close;
    shared.admin = admin.request;
    shared.board = await createBoard(admin.request, subject, name);
    await options.prepare?.(admin.request, shared.board);
  });
  test.afterAll(async () => {
    if (shared.board) {
      await deleteBoard(shared.admin, shared.board.slug);
    }
    await signOut?.();
  });
  return shared;
}
