// Runs the benchmarks: `npm run bench` (all) or `npm run bench -- parse reduce`.
// Each bench/<name>.ts is bundled with esbuild as dist/cli.js is (dependencies inside, the same build-time
// plugins, React's production build), so it measures the code that ships; test-only native packages stay
// external. Each runs in its own node process.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {
	inkBoundedCaches, inkFrameCache, inkSanitizeColours, inkWithoutDevtools, oneStringWidth, undiciParts, yogaWithoutFetch,
} from '../scripts/lib/bundle-plugins.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const wanted = process.argv.slice(2);
const names = readdirSync(here)
	.filter(file => file.endsWith('.ts'))
	.map(file => file.slice(0, -3))
	.filter(name => wanted.length === 0 || wanted.includes(name));

let failed = 0;
for (const name of names) {
	const outfile = path.join(here, '.out', `${name}.mjs`);
	// eslint-disable-next-line no-await-in-loop
	await build({
		entryPoints: [path.join(here, `${name}.ts`)],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		external: ['@lydell/node-pty', '@xterm/headless', 'esbuild'],
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: 'import {createRequire as __createRequire} from \'node:module\'; const require = __createRequire(import.meta.url);'},
		plugins: [undiciParts(root), inkWithoutDevtools, inkFrameCache(root), inkBoundedCaches(root), inkSanitizeColours(root), oneStringWidth(root), yogaWithoutFetch],
		outfile,
		logLevel: 'warning',
	});
	console.log(`\n## ${name}\n`);
	const result = spawnSync(process.execPath, ['--expose-gc', outfile], {stdio: 'inherit', cwd: root});
	failed += result.status === 0 ? 0 : 1;
}

process.exitCode = failed === 0 ? 0 : 1;
