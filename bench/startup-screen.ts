import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import path from 'node:path';
import {startDemoServer, seededRandom} from '../source/demo/index.js';
import {startTerm} from '../test/helpers/term.js';

/**
Start-up of the live screen (issue 5): launch → first job row on a PTY screen (Ink, React, the first
poll and frame) against the demo server, launch → `--help` printed, and beside them a bare `node`
script that fetches and prints the same list. bench/startup.ts measures the --once path.
Needs `npm run build` first; BENCH_CLI=<file> measures another build (e.g. an esbuild bundle).
Prints numbers; asserts nothing.
*/

// Run from the package root, as `npm run bench` does.
const cli = path.resolve(process.env['BENCH_CLI'] ?? 'dist/cli.js');
const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const server = await startDemoServer({random: seededRandom(7), tickMs: 0});

/** Milliseconds from spawn until `done` holds for the process' stdout. */
const untilOutput = async (args: readonly string[], done: (text: string) => boolean): Promise<number> => new Promise((resolve, reject) => {
	const started = performance.now();
	const child = spawn(process.execPath, [...args], {stdio: ['ignore', 'pipe', 'inherit']});
	let text = '';
	let settled = false;
	child.stdout.on('data', (chunk: Uint8Array) => {
		text += String(chunk);
		if (!settled && done(text)) {
			settled = true;
			resolve(performance.now() - started);
		}
	});
	child.on('exit', () => {
		if (!settled) {
			reject(new Error(`${args.join(' ')} ended without the expected output`));
		}
	});
});

const firstRow = async (): Promise<number> => {
	const started = performance.now();
	const term = startTerm(process.execPath, [cli, '--uri', server.url], {cols: 110, rows: 28});
	try {
		await term.waitFor(screen => /\d{18} +\S+ +\S+ +\d+%/v.test(screen), 'a job row', 20_000);
		return performance.now() - started;
	} finally {
		term.kill('SIGKILL');
	}
};

const bareScript = `fetch(${JSON.stringify(server.url + '/v2/vectordb/jobs/import/list')}, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})`
	+ '.then(response => response.json()).then(body => { for (const job of body.data.records) console.log(job.jobId, job.collectionName, job.state, job.progress); })';

const measure = async (run: () => Promise<number>, count = 7): Promise<number> => {
	await run(); // Warm-up: the file system cache
	const results: number[] = [];
	for (let i = 0; i < count; i++) {
		// eslint-disable-next-line no-await-in-loop
		results.push(await run());
	}

	return median(results);
};

const bare = await measure(async () => untilOutput(['-e', bareScript], text => /\d{18} /v.test(text)));
const row = await measure(firstRow);
const help = await measure(async () => untilOutput([cli, '--help'], text => text.includes('--version')));
await server.close();

console.log('| measure | median of 7 |');
console.log('| --- | --- |');
console.log(`| bare \`node\` script: fetch the list and print it | ${bare.toFixed(0)} ms |`);
console.log(`| launch → first job row on screen (PTY, polled every 25 ms) | ${row.toFixed(0)} ms |`);
console.log(`| launch → \`--help\` printed | ${help.toFixed(0)} ms |`);
console.log(`\nfirst row / bare script: ${(row / bare).toFixed(2)}× (goal ≤ 2×)`);
