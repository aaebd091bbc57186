// Loads the Cardano working group's plan (src/testing/fixtures/cardano.json, from shared/seeds) into a running
// backend through its API, as a demo board.
//   MILEPOST_TOKEN=<admin bearer token> node scripts/seed-demo.mjs [http://localhost:8080] [slug]
import { readFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const slug = process.argv[3] ?? 'core-infra-roadmap';
const token = process.env.MILEPOST_TOKEN;
if (!token) {
    console.error('Set MILEPOST_TOKEN to an admin bearer token.');
    process.exit(1);
}
const seed = JSON.parse(
    readFileSync(new URL('../src/testing/fixtures/cardano.json', import.meta.url), 'utf8'),
);
const { board } = seed;

async function call(method, path, body) {
    const response = await fetch(base + path, {
        method,
        headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return text ? JSON.parse(text) : undefined;
}
const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

const g = board.group;
await call('POST', '/api/groups', {
    slug,
    name: g.name,
    mission: g.mission,
    description: g.description,
    visibility: 'PUBLIC',
    planStart: g.planStart,
    planEnd: g.planEnd,
});
const goalIds = new Map();
for (const goal of board.goals) {
    const created = await call(
        'POST',
        `/api/groups/${slug}/goals`,
        clean({
            title: goal.title,
            description: goal.description,
            color: goal.color,
            measure: goal.measure ? clean(goal.measure) : undefined,
        }),
    );
    goalIds.set(goal.id, created.id);
}
for (const phase of board.phases) {
    await call(
        'POST',
        `/api/groups/${slug}/phases`,
        clean({
            name: phase.name,
            startMonth: phase.startMonth,
            endMonth: phase.endMonth,
            focus: phase.focus,
        }),
    );
}
const cardIds = new Map();
for (const column of board.columns) {
    const milestones = await call('GET', `/api/groups/${slug}/milestones`);
    const current = milestones.find((m) => m.month === column.month);
    await call(
        'PUT',
        `/api/groups/${slug}/milestones/${column.month}`,
        clean({ title: column.milestone.title, focus: column.milestone.focus, version: current.version }),
    );
}
const toRequest = (card) =>
    clean({
        title: card.title,
        description: card.description || undefined,
        status: card.status,
        responsible: card.responsible,
        support: card.support,
        deliverable: card.deliverable,
        goalId: card.goalId ? goalIds.get(card.goalId) : undefined,
        month: card.month,
    });
const all = [...board.columns.flatMap((c) => c.cards), ...board.backlog];
const { items } = await call('POST', `/api/groups/${slug}/cards/batch`, { cards: all.map(toRequest) });
all.forEach((card, i) => cardIds.set(card.id, items[i].id));
for (const meeting of seed.meetings) {
    await call(
        'POST',
        `/api/groups/${slug}/meetings`,
        clean({ ...meeting, id: undefined, version: undefined, cardIds: [] }),
    );
}
console.log(
    `Seeded ${slug}: ${items.length} cards, ${seed.meetings.length} meetings, ${board.goals.length} goals.`,
);
