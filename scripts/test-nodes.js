// Runs the test suite (vitest, against the dist/ that `npm test` built) on every pinned Node from the
// registry (scripts/lib/nodes.js), one after the other, and ends with one line for all of them.
// The Node running npm is covered by `npm test` itself; `.ci/run` runs both.
// Usage: node scripts/test-nodes.js [22 24 …] [-- vitest arguments, e.g. test files]
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensureNode, pinnedNodes} from './lib/nodes.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const separator = process.argv.indexOf('--');
const ownArguments = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
const vitestArguments = separator === -1 ? [] : process.argv.slice(separator + 1);
const majors = new Set(ownArguments);
const versions = majors.size === 0 ? pinnedNodes : pinnedNodes.filter(version => majors.has(version.split('.')[0]));
if (versions.length === 0) {
	console.error(`no pinned Node matches ${ownArguments.join(' ')} (pinned: ${pinnedNodes.join(', ')})`);
	process.exit(2);
}

if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
	console.error('dist/cli.js is missing: run `npm run build` (or `npm test`) first');
	process.exit(2);
}

/** Runs vitest on `binary`, echoing its output; resolves to its exit code and its closing `N passed, N failed, N skipped` line. */
const runSuite = async binary => new Promise(resolve => {
	// Its own directory first on PATH: a `node` started by name (the packed bin's #!/usr/bin/env node, npm) is this one too.
	const env = {...process.env, PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}`};
	const child = spawn(binary, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArguments], {cwd: root, env, stdio: ['ignore', 'pipe', 'inherit']});
	let tail = '';
	child.stdout.on('data', chunk => {
		process.stdout.write(chunk);
		tail = (tail + String(chunk)).slice(-4096);
	});
	child.on('close', code => {
		const counts = /(\d+) passed, (\d+) failed, (\d+) skipped\s*$/v.exec(tail);
		resolve({code: code ?? 1, counts: counts ? counts.slice(1).map(Number) : undefined});
	});
});

const results = [];
for (const version of versions) {
	const binary = ensureNode(version);
	console.log(`\n=== Node v${version}: vitest run ${vitestArguments.join(' ')}`.trimEnd());
	// eslint-disable-next-line no-await-in-loop -- one suite at a time: they share two cores
	const {code, counts} = await runSuite(binary);
	results.push({version, code, counts});
}

console.log('\n=== Suite per Node');
const total = [0, 0, 0];
for (const {version, code, counts} of results) {
	const [passed, failed, skipped] = counts ?? [0, 0, 0];
	total[0] += passed;
	total[1] += failed;
	total[2] += skipped;
	console.log(`Node v${version}: ${counts ? `${passed} passed, ${failed} failed, ${skipped} skipped` : 'no summary'}${code === 0 ? '' : ` (exit ${code})`}`);
}

const ok = results.every(({code, counts}) => code === 0 && counts !== undefined && counts[0] > 0);
// A run that crashed before counting still counts as a failure in the closing line.
const failed = ok || total[1] > 0 ? total[1] : 1;
console.log(`\nnodes: ${total[0]} passed, ${failed} failed, ${total[2]} skipped`);
process.exit(ok ? 0 : 1);
