/**
Start-up cost of the CLI as `npx` users feel it, side by side with a bare `node` script that does
the same network work. Prints medians; asserts nothing.

  launch → --help printed         node dist/cli.js --help, until the process exits
  launch → first job row (--once) node dist/cli.js --once --uri <demo>, until the first job row is on stdout
  launch → exit (--once)          the same, until the process has exited
  bare node script                node -e "fetch(list) → print rows", until the first row is on stdout

dist/ is the esbuild bundle that npm ships (scripts/bundle.js). bench/startup-screen.ts measures the live screen.

Run: npx esbuild bench/startup.ts --bundle --platform=node --format=esm --packages=external \
       --outfile=bench/.out/startup.mjs && node bench/.out/startup.mjs   (needs `npm run build` first)
*/
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {loadavg} from 'node:os';
import path from 'node:path';
import {startDemoServer} from '../source/demo/index.js';

const root = process.cwd();
const cli = path.join(root, 'dist', 'cli.js');
const runs = Number(process.env['BENCH_RUNS'] ?? 15);
const warmups = 2;

/** Milliseconds from spawn until `done(stdout)` is true (or the process exits, if `untilExit`). */
const timeRun = async (args: readonly string[], done: (stdout: string) => boolean, untilExit = false): Promise<number> => {
	const started = performance.now();
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'ignore'], env: {...process.env, MILVUS_TOKEN: '', NO_COLOR: '1'}});
	let stdout = '';
	return new Promise((resolve, reject) => {
		let seen: number | undefined;
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			if (seen === undefined && done(stdout)) {
				seen = performance.now() - started;
				if (!untilExit) {
					child.kill();
				}
			}
		});
		child.on('close', () => {
			const exited = performance.now() - started;
			if (seen === undefined) {
				reject(new Error(`never saw the expected output from ${args.join(' ')}: ${stdout.slice(0, 200)}`));
			} else {
				resolve(untilExit ? exited : seen);
			}
		});
	});
};

const median = (values: readonly number[]): number => {
	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

type Variant = {readonly name: string; readonly args: readonly string[]; readonly done: (stdout: string) => boolean; readonly untilExit: boolean};

/**
Round-robin: every iteration runs each variant once, so a load spike on the machine hits all of
them alike instead of skewing whichever happened to run during it.
*/
const measureAll = async (variants: readonly Variant[]): Promise<Map<string, number>> => {
	const times = new Map<string, number[]>(variants.map(variant => [variant.name, []]));
	for (let index = 0; index < warmups + runs; index++) {
		for (const variant of variants) {
			// eslint-disable-next-line no-await-in-loop -- runs must not overlap
			const ms = await timeRun(variant.args, variant.done, variant.untilExit);
			if (index >= warmups) {
				times.get(variant.name)!.push(ms);
			}
		}
	}

	return new Map([...times].map(([name, values]) => [name, median(values)]));
};

const firstRow = (stdout: string): boolean => /\n\d+\s+\S+\s+\S+/v.test(stdout);

/** What a person would write without this tool: global fetch, print one line per job. */
const bareScript = (url: string): string => `
fetch(${JSON.stringify(`${url}/v2/vectordb/jobs/import/list`)}, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})
	.then(response => response.json())
	.then(body => { for (const job of body.data.records) console.log(job.jobId, job.collectionName, job.state, job.progress + '%'); });
`;

if (!existsSync(cli)) {
	console.log('dist/cli.js is missing: run `npm run build` first');
	process.exit(1);
}

const server = await startDemoServer({seed: 'demo', tickMs: 0});
try {
	const helpDone = (stdout: string): boolean => stdout.includes('Exit codes');
	const variants: readonly Variant[] = [
		{
			name: 'node -e "console.log(1)" (the floor)', args: ['-e', 'console.log(1)'], done: () => true, untilExit: true,
		},
		{
			name: 'launch → --help printed', args: [cli, '--help'], done: helpDone, untilExit: false,
		},
		{
			name: 'bare node fetch → first row', args: ['-e', bareScript(server.url)], done: firstRow, untilExit: false,
		},
		{
			name: 'launch → first job row (--once)', args: [cli, '--once', '--uri', server.url], done: firstRow, untilExit: false,
		},
		{
			// A script waits for the exit, not the first row (on Node 20 V8 could hold it ~0.3 s after a wasm compile: api/fetch.ts).
			name: 'launch → exit (--once)', args: [cli, '--once', '--uri', server.url], done: firstRow, untilExit: true,
		},
	];
	const medians = await measureAll(variants);
	console.log(`median of ${runs} runs (after ${warmups} warm-ups, variants interleaved), Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}\n`);
	for (const [name, ms] of medians) {
		console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms`);
	}

	const bare = medians.get('bare node fetch → first row')!;
	console.log(`\nfirst row / bare script: ${(medians.get('launch → first job row (--once)')! / bare).toFixed(2)}× (goal ≤ 2×)`);
} finally {
	await server.close();
}
