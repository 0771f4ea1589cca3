import {spawn} from 'node:child_process';
import {loadavg} from 'node:os';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import path from 'node:path';
import {startDemoServer, seededRandom} from '../source/demo/index.js';
import {untilOnScreen} from './lib/first-screen.js';

/**
Start-up of the live screen (issue 5), as `npx` users feel it: launch → first job row on a terminal
(Ink, React, yoga, the first list request and frame) against the demo server, beside a bare `node`
script that fetches the same list and prints it on the same kind of terminal, and launch → `--help`
printed. Both row timings use one harness: a pseudo-terminal read by a headless xterm, checked after
every chunk the program writes. Runs are interleaved (each round runs every variant once) so load
on the machine hits all alike; medians after one warm-up round. bench/startup.ts measures --once.
Needs `npm run build` first; BENCH_CLI=<file> measures another build, BENCH_RUNS=<n> sets the rounds.
Prints numbers; asserts nothing.
*/

// Run from the package root, as `npm run bench` does.
const cli = path.resolve(process.env['BENCH_CLI'] ?? 'dist/cli.js');
const runs = Number(process.env['BENCH_RUNS'] ?? 11);
const server = await startDemoServer({random: seededRandom(7), tickMs: 0});

/** Milliseconds from spawn until `done` holds for the process' stdout (a pipe). */
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

/** A job row as both programs print it: 18-digit id, collection, state, progress with %. */
const jobRow = (screen: string): boolean => /\d{18} +\S+ +\S+ +\d+%/v.test(screen);

/** What a person would write without this tool: global fetch, print one line per job. */
const bareScript = `fetch(${JSON.stringify(server.url + '/v2/vectordb/jobs/import/list')}, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})`
	+ '.then(response => response.json()).then(body => { for (const job of body.data.records) console.log(job.jobId, job.collectionName, job.state, job.progress + \'%\'); })';

type Name = 'bare' | 'live' | 'help';
const variants: ReadonlyArray<readonly [Name, () => Promise<number>]> = [
	['bare', async () => untilOnScreen(['-e', bareScript], jobRow)],
	['live', async () => untilOnScreen([cli, '--uri', server.url], jobRow)],
	['help', async () => untilOutput([cli, '--help'], text => text.includes('Exit codes'))],
];

const quantile = (values: readonly number[], q: number): number => {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.round((sorted.length - 1) * q)]!;
};

const loadBefore = loadavg();
const times: Record<Name, number[]> = {bare: [], live: [], help: []};
for (let round = 0; round <= runs; round++) {
	for (const [name, run] of variants) {
		// eslint-disable-next-line no-await-in-loop -- runs must not overlap
		const ms = await run();
		if (round > 0) { // Round 0 warms the file system cache.
			times[name].push(ms);
		}
	}
}

await server.close();
const loadAfter = loadavg();

const row = (label: string, name: Name): string =>
	`| ${label} | ${quantile(times[name], 0.5).toFixed(0)} ms | ${quantile(times[name], 0.25).toFixed(0)}–${quantile(times[name], 0.75).toFixed(0)} ms |`;
console.log(`${runs} interleaved rounds, Node ${process.version}, load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after\n`);
console.log('| measure | median | middle half |');
console.log('| --- | --- | --- |');
console.log(row('bare `node` script: fetch the list, print it (PTY)', 'bare'));
console.log(row('launch → first job row on the live screen (PTY)', 'live'));
console.log(row('launch → `--help` printed (pipe)', 'help'));
console.log(`\nfirst row / bare script: ${(quantile(times.live, 0.5) / quantile(times.bare, 0.5)).toFixed(2)}× (goal ≤ 2×)`);
