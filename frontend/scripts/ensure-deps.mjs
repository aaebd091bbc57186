// `npm ci` unless node_modules was installed from exactly this package-lock.json (saves a minute on every build).
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.milepost-lock-sha256');
const hash = createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && process.env.FORCE_NPM_CI !== '1') {
    console.log('node_modules matches package-lock.json: npm ci skipped');
} else {
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
    writeFileSync(stamp, hash);
}
