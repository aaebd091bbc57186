// A stand-in for the backend, for working on the UI without Java: serves the Cardano seed (src/testing/fixtures)
// through the endpoints of docs/api-contract.md, in memory, with versions and 409 on stale writes.
//   node scripts/mock-api.mjs [port]      then: MILEPOST_BACKEND_URL=http://localhost:<port> npm run dev
// MOCK_ANONYMOUS=1 answers as a visitor (read-only board).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const port = Number(process.argv[2] ?? 18090);
const anonymous = process.env.MOCK_ANONYMOUS === '1';
const seed = JSON.parse(
    readFileSync(new URL('../src/testing/fixtures/cardano.json', import.meta.url), 'utf8'),
);
const board = structuredClone(seed.board);
board.group.canEdit = !anonymous;
board.group.myRole = anonymous ? null : 'MEMBER';
const meetings = structuredClone(seed.meetings);
const members = structuredClone(seed.members);
let nextId = 1000;

const allCards = () => [...board.backlog, ...board.columns.flatMap((c) => c.cards)];
const columnOf = (month) =>
    month === null ? board.backlog : board.columns.find((c) => c.month === month)?.cards;
const problem = (res, status, title, detail, extra = {}) =>
    send(res, status, { type: 'about:blank', title, status, detail, ...extra }, 'application/problem+json');
function send(res, status, body, type = 'application/json') {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body === undefined ? '' : JSON.stringify(body));
}
const read = (req) =>
    new Promise((resolve) => {
        let data = '';
        req.on('data', (chunk) => (data += chunk));
        req.on('end', () => resolve(data ? JSON.parse(data) : {}));
    });

createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const write = req.method !== 'GET';
    if (write && anonymous) {
        return problem(res, 401, 'Sign-in required', 'Sign in to change the plan');
    }
    let m;
    if (path === '/api/me') {
        return send(
            res,
            200,
            anonymous
                ? { authenticated: false, roles: [], memberships: [] }
                : {
                      authenticated: true,
                      subject: 'bob',
                      name: 'Bob Builder',
                      email: 'bob@example.org',
                      roles: ['user'],
                      memberships: [{ slug: board.group.slug, name: board.group.name, role: 'MEMBER' }],
                  },
        );
    }
    if (path === '/api/groups') {
        const g = board.group;
        const next =
            meetings.find((x) => x.date && x.date >= new Date().toISOString().slice(0, 10)) ??
            meetings[meetings.length - 1];
        return send(res, 200, {
            items: [
                {
                    slug: g.slug,
                    name: g.name,
                    mission: g.mission,
                    visibility: g.visibility,
                    planStart: g.planStart,
                    planEnd: g.planEnd,
                    myRole: g.myRole,
                    nextMeeting: next
                        ? {
                              number: next.number,
                              date: next.date,
                              tentative: next.tentative,
                              location: next.location,
                          }
                        : null,
                },
                {
                    slug: 'drutopia',
                    name: 'Drutopia leadership team',
                    mission:
                        'Software, a hosting platform, a platform co-op and a software co-op: one focus per month.',
                    visibility: 'PUBLIC',
                    planStart: '2018-10',
                    planEnd: '2019-03',
                    myRole: null,
                    nextMeeting: null,
                },
            ],
            page: 0,
            size: 50,
            total: 2,
        });
    }
    if ((m = path.match(/^\/api\/groups\/([^/]+)(\/.*)?$/))) {
        if (m[1] !== board.group.slug) {
            return problem(res, 404, 'Not found', `No working group '${m[1]}'`);
        }
        const rest = m[2] ?? '';
        if (rest === '' && !write) return send(res, 200, board.group);
        if (rest === '/board') return send(res, 200, board);
        if (rest === '/goals') return send(res, 200, board.goals);
        if (rest === '/members') return send(res, 200, members);
        if (rest === '/meetings' && !write) {
            const today = new Date().toISOString().slice(0, 10);
            const when = url.searchParams.get('when') ?? 'all';
            let items = meetings;
            if (when === 'upcoming') items = meetings.filter((x) => !x.date || x.date >= today);
            if (when === 'past') items = meetings.filter((x) => x.date && x.date < today).reverse();
            return send(res, 200, { items, page: 0, size: 50, total: items.length });
        }
        if (rest === '/cards' && req.method === 'POST') {
            const body = await read(req);
            const card = {
                id: nextId++,
                description: null,
                status: 'PLANNED',
                responsible: null,
                support: null,
                deliverable: null,
                goalId: null,
                ...body,
                version: 0,
                createdBy: 'bob',
                createdAt: new Date().toISOString(),
                updatedBy: 'bob',
                updatedAt: new Date().toISOString(),
            };
            columnOf(card.month ?? null).push(card);
            return send(res, 201, card);
        }
        if ((m = rest.match(/^\/cards\/(\d+)(\/move)?$/))) {
            const id = Number(m[1]);
            const card = allCards().find((c) => c.id === id);
            if (!card) return problem(res, 404, 'Not found', `No card ${id}`);
            if (!write) return send(res, 200, card);
            const body = req.method === 'DELETE' ? {} : await read(req);
            const version = body.version ?? Number((req.headers['if-match'] ?? '').replaceAll('"', ''));
            if (version !== card.version) {
                return problem(res, 409, 'Changed meanwhile', `'${card.title}' was changed by someone else`, {
                    current: card,
                });
            }
            const from = columnOf(card.month);
            if (req.method === 'DELETE') {
                from.splice(from.indexOf(card), 1);
                return send(res, 204);
            }
            if (m[2]) {
                const to = columnOf(body.month);
                if (!to) return problem(res, 400, 'Invalid request', 'Unknown month');
                from.splice(from.indexOf(card), 1);
                let at = to.length;
                if (body.afterCardId != null) at = to.findIndex((c) => c.id === body.afterCardId) + 1;
                else if (body.beforeCardId != null)
                    at = Math.max(
                        0,
                        to.findIndex((c) => c.id === body.beforeCardId),
                    );
                to.splice(at, 0, card);
                card.month = body.month;
            } else {
                const { version: _v, ...fields } = body;
                Object.assign(card, fields);
            }
            card.version += 1;
            card.updatedAt = new Date().toISOString();
            return send(res, 200, card);
        }
    }
    return problem(res, 404, 'Not found', `No endpoint ${req.method} ${path}`);
}).listen(port, () => console.log(`mock API on http://localhost:${port}`));
