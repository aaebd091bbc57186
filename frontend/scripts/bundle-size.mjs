// The JavaScript the first page needs (the entry and the chunks index.html preloads), gzipped, against the budget.
//   node scripts/bundle-size.mjs [--budget-kb=130]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const budgetArg = process.argv.find((a) => a.startsWith('--budget-kb='));
const budget = budgetArg ? Number(budgetArg.split('=')[1]) : 130;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = new Set();
for (const match of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)) {
    files.add(match[1]);
}
let total = 0;
for (const file of files) {
    const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    total += size;
    console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} KB  first-page JavaScript, gzip (budget ${budget} KB)`);
if (kb > budget) {
    console.error(`Over budget by ${(kb - budget).toFixed(1)} KB: split a route or drop a dependency.`);
    process.exit(1);
}
