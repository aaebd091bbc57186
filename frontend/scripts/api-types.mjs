// Generates src/api/schema.d.ts from the backend's OpenAPI document, or (--check) verifies that the committed file
// is what the generator makes from the current document.
//
//   node scripts/api-types.mjs            regenerate src/api/schema.d.ts
//   node scripts/api-types.mjs --check    exit 1 when src/api/schema.d.ts is out of date
//   node scripts/api-types.mjs --check --strict   ... and exit 1 when there is no OpenAPI document to compare with
//
// The document is written by the backend build (quarkus.smallrye-openapi.store-schema-directory); another
// location can be given with MILEPOST_OPENAPI (a path or an http(s) URL such as http://localhost:8080/q/openapi).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'src/api/schema.d.ts');
const spec = process.env.MILEPOST_OPENAPI ?? join(root, '../backend/target/openapi/openapi.json');
const check = process.argv.includes('--check');
const strict = process.argv.includes('--strict') || process.env.CHECK_API_STRICT === '1';
const isUrl = /^https?:\/\//.test(spec);

if (!isUrl && !existsSync(spec)) {
    const message = `No OpenAPI document at ${spec} (build the backend first: ./mvnw -pl backend package -DskipTests).`;
    if (check && !strict) {
        console.warn(`check:api skipped. ${message}`);
        process.exit(0);
    }
    console.error(message);
    process.exit(1);
}

function generate(output) {
    const bin = join(root, 'node_modules/.bin/openapi-typescript');
    const result = spawnSync(bin, [spec, '--output', output], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) {
        console.error(`openapi-typescript failed for ${spec}`);
        process.exit(result.status ?? 1);
    }
}

if (!check) {
    generate(target);
    console.log(`Wrote ${target} from ${spec}`);
    process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'milepost-api-'));
try {
    const fresh = join(dir, 'schema.d.ts');
    generate(fresh);
    const expected = readFileSync(fresh, 'utf8');
    const actual = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (expected !== actual) {
        console.error(
            `src/api/schema.d.ts is out of date with ${spec}.\nRun "npm run generate:api" in frontend/ and commit the result.`,
        );
        process.exit(1);
    }
    console.log('check:api: src/api/schema.d.ts matches the OpenAPI document.');
} finally {
    rmSync(dir, { recursive: true, force: true });
}
