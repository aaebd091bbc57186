// S6: a board in headless Chromium. Serves a built web app (its dist/ folder) on 127.0.0.1 with /api proxied to
// the backend, opens each board cold (fresh browser context, empty cache) and measures:
//   interactiveMs   navigation start → the board is interactive: its card elements have stopped changing and the
//                   main thread has been free of long tasks (> 50 ms) for QUIET_MS (a time-to-interactive in the
//                   sense of Lighthouse, with "content" = the board's cards);
//   dropToSettledMs pointer released over another month column → the card sits in that column in the DOM, the
//                   move request has answered, and no long task runs any more.
// What the page must offer (the contract between the web app and this harness):
//   - each card element carries data-card-id="<id>", each month column data-column="YYYY-MM" (backlog: "backlog");
//   - the board for a group is at S6_ROUTE with {slug} replaced (default /groups/{slug});
//   - cards are dragged with the pointer (press, move a few pixels, release over the target column).
// The harness sends the member's bearer token with every request (Authorization header), so moves are allowed.
//
// env: S6_DIST, S6_API, S6_BOARDS='[{"slug":"…","cards":1000}]', S6_TOKEN, S6_OUT, S6_RUNS (3), S6_ROUTE, CHROMIUM
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const DIST = path.resolve(process.env.S6_DIST);
const API = new URL(process.env.S6_API);
const BOARDS = JSON.parse(process.env.S6_BOARDS);
const TOKEN = process.env.S6_TOKEN;
const RUNS = Number(process.env.S6_RUNS ?? 3);
const ROUTE = process.env.S6_ROUTE ?? '/groups/{slug}';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const QUIET_MS = 500;
const TIMEOUT_MS = 30_000;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2',
  '.ico': 'image/x-icon' };

/** dist/ as a production server would serve it (SPA fallback to index.html), /api, /auth and /q to the backend. */
function serve() {
  const server = http.createServer((req, res) => {
    if (/^\/(api|auth|q)(\/|$)/.test(req.url)) {
      const upstream = http.request({ host: API.hostname, port: API.port, path: req.url, method: req.method,
        headers: req.headers }, (up) => { res.writeHead(up.statusCode, up.headers); up.pipe(res); });
      upstream.on('error', (e) => {
        if (!res.headersSent) res.writeHead(502);
        res.end(String(e));
      });
      // A page's event stream (/events) never ends by itself: when the browser goes away, end the upstream request
      // too, or its open socket keeps this process alive after the run (the hang of 2026-11-23).
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
      return;
    }
    let file = path.join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(DIST, 'index.html');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Installed before any page script: long tasks, the last change to the set of card elements, pointer release. */
function instrument() {
  window.__bench = { longTasks: [], cardsChangedAt: null, cardCount: 0, dropAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const watch = () => {
    new MutationObserver(() => {
      const n = document.querySelectorAll('[data-card-id]').length;
      if (n !== window.__bench.cardCount) {
        window.__bench.cardCount = n;
        window.__bench.cardsChangedAt = performance.now();
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
  document.addEventListener('pointerup', () => { window.__bench.dropAt = performance.now(); }, true);
}

/** Resolves when cards are shown and nothing changed (cards, long tasks) for QUIET_MS; returns the last change. */
async function settle(page, extra = () => 0) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const s = await page.evaluate(() => ({ now: performance.now(), count: window.__bench.cardCount,
      cardsAt: window.__bench.cardsChangedAt, lastLong: Math.max(0, ...window.__bench.longTasks) }));
    const last = Math.max(s.cardsAt ?? 0, s.lastLong, extra());
    if (s.count > 0 && s.now - last >= QUIET_MS) return { at: last, cards: s.count };
    if (Date.now() > deadline) {
      throw new Error(s.count === 0 ? `no [data-card-id] elements after ${TIMEOUT_MS} ms` : 'the page never settled');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openBoard(browser, base, board) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  await page.setExtraHTTPHeaders({ Authorization: `Bearer ${TOKEN}` });
  await page.evaluateOnNewDocument(instrument);
  await page.goto(base + ROUTE.replace('{slug}', board.slug), { waitUntil: 'domcontentloaded' });
  const { at, cards } = await settle(page);
  return { context, page, interactiveMs: at, cardsRendered: cards };
}

/** Drags the first card of one month column onto another month column; drop → settled, in ms. */
async function dragOnce(page) {
  const plan = await page.evaluate(() => {
    const columns = [...document.querySelectorAll('[data-column]')].filter((c) => c.dataset.column !== 'backlog');
    const from = columns.find((c) => c.querySelector('[data-card-id]'));
    const to = columns.find((c) => c !== from);
    if (!from || !to) return null;
    const card = from.querySelector('[data-card-id]');
    card.scrollIntoView({ block: 'center', inline: 'center' });
    const a = card.getBoundingClientRect();
    to.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const b = to.getBoundingClientRect();
    const a2 = card.getBoundingClientRect();
    // Aim at the part of the target column that is on screen (a 1,000-card column is far taller than the window):
    // a point outside the viewport receives no pointer events, and the drop silently does not happen.
    const top = Math.max(b.top, 0) + 8;
    const bottom = Math.min(b.bottom, window.innerHeight) - 8;
    const left = Math.max(b.left, 0) + 8;
    const right = Math.min(b.right, window.innerWidth) - 8;
    return { id: card.dataset.cardId, month: to.dataset.column, x: a2.x + a2.width / 2, y: a2.y + a2.height / 2,
      tx: (left + right) / 2, ty: Math.min(top + 80, (top + bottom) / 2), aw: a.width,
      visible: a2.top >= 0 && a2.bottom <= window.innerHeight && a2.left >= 0 && a2.right <= window.innerWidth
        && right > left && bottom > top };
  });
  if (!plan) throw new Error('no two month columns with [data-column] to drag between');
  if (!plan.visible) throw new Error(`the card to drag or its target column is off screen: ${JSON.stringify(plan)}`);
  let moveAnsweredAt = 0;
  const answered = page.waitForResponse((r) => r.url().includes(`/cards/${plan.id}/move`), { timeout: TIMEOUT_MS })
    .then(async () => { moveAnsweredAt = await page.evaluate(() => performance.now()); });
  await page.mouse.move(plan.x, plan.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(plan.x + ((plan.tx - plan.x) * i) / 12, plan.y + ((plan.ty - plan.y) * i) / 12);
  }
  await page.mouse.up();
  await answered;
  const inPlace = await page.waitForFunction((id, month) =>
    document.querySelector(`[data-card-id="${id}"]`)?.closest('[data-column]')?.dataset.column === month,
  { timeout: TIMEOUT_MS, polling: 'raf' }, plan.id, plan.month).then(() => page.evaluate(() => performance.now()));
  const { at } = await settle(page, () => Math.max(moveAnsweredAt, inPlace));
  const dropAt = await page.evaluate(() => window.__bench.dropAt);
  return Math.max(at, inPlace, moveAnsweredAt) - dropAt;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-extensions'] });
const out = { chromium: await browser.version(), route: ROUTE, runs: RUNS, boards: {} };
try {
  for (const board of BOARDS) {
    const interactive = [];
    const drops = [];
    let rendered = 0;
    // One warm-up visit (server JIT, disk cache of the static files), then RUNS cold contexts.
    const warm = await openBoard(browser, base, board);
    await warm.context.close();
    for (let i = 0; i < RUNS; i++) {
      const { context, page, interactiveMs, cardsRendered } = await openBoard(browser, base, board);
      interactive.push(interactiveMs);
      rendered = cardsRendered;
      try {
        drops.push(await dragOnce(page));
      } catch (e) {
        // Keep what the page looked like, for whoever reads the report.
        await page.screenshot({ path: `${process.env.S6_OUT}.${board.cards}-failed.png` }).catch(() => {});
        throw new Error(`${board.cards}-card board, drop: ${e.message}`);
      }
      await context.close();
    }
    out.boards[board.cards] = { slug: board.slug, interactiveMs: round(median(interactive)),
      dropToSettledMs: round(median(drops)), cardsRendered: rendered, interactiveRunsMs: interactive.map(round),
      dropRunsMs: drops.map(round) };
  }
} catch (e) {
  out.error = String(e.message ?? e);
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
fs.writeFileSync(process.env.S6_OUT, JSON.stringify(out, null, 2));
process.exit(0);
