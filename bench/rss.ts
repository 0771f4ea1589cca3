import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import path from 'node:path';
import process from 'node:process';
import {spawn} from '@lydell/node-pty';
import {seededRandom, shuffle} from '../source/demo/rng.js';
import {terminalEnv} from './lib/first-screen.js';
import {makeJobs} from './lib/jobs.js';

/**
Memory of the live screen as a person runs it (issue 4: RSS with 10k jobs ≤ 120 MB): the built CLI
(`dist/cli.js`, so `npm run build` first) on a 120×46 pseudo-terminal, polling a local server that
lists N jobs in Milvus' shape every poll (a new body each time, one job moved on, the records in a
new order, as Milvus sends them) at the default 2 s interval. The kernel's count of the process'
resident memory (VmRSS) is read every second: in the first minute (from 10 s; every row's time in
state counts seconds then, so every row is redrawn every second) and in the minute after (ages in
minutes: the state the tool spends its life in). Median and highest of each, and VmHWM, the most it
ever held. CPU (user + system, /proc) in the second minute: all the process does per poll, the HTTP
request, JSON.parse, the model, the frame and the GC (bench/screen.ts times the screen's part alone). Linux only (/proc). Two minutes per count. Prints numbers; asserts nothing.
`node bench/.out/rss.mjs 0 10000`: the job counts (default 0 10000).
*/

const firstFrom = 10;
const steadyFrom = 60;
const end = 120;

const listServer = async (count: number) => {
	let jobs = makeJobs(count);
	let polls = 0;
	const random = seededRandom(20_261_206);
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.setHeader('Content-Type', 'application/json; charset=utf-8');
			const url = request.url ?? '';
			if (url.endsWith('/jobs/import/list')) {
				polls++;
				jobs = jobs.map((job, index) => index === polls % count && job.state === 'Importing' ? {...job, progress: Math.min(99, (job.progress ?? 0) + 1)} : job);
				const records = jobs.map(job => ({...job, reason: job.reason === '' ? undefined : job.reason}));
				// Milvus lists in a new order each call: seeded, so runs repeat.
				response.end(JSON.stringify({code: 0, data: {records: shuffle(random, records)}}));
			} else if (url.endsWith('/collections/list')) {
				response.end(JSON.stringify({code: 0, data: ['books', 'movies']}));
			} else if (url.endsWith('/databases/list')) {
				response.end(JSON.stringify({code: 0, data: ['default']}));
			} else {
				response.statusCode = 404;
				response.end('404 page not found');
			}
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
		polls: () => polls,
		close() {
			server.close();
		},
	};
};

const status = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
	const match = new RegExp(`${field}:\\s+(\\d+) kB`, 'v').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(match?.[1] ?? Number.NaN) / 1024;
};

/** User + system CPU seconds the process has used (/proc/<pid>/stat, in clock ticks of 1/100 s). */
const cpuSeconds = (pid: number): number => {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
};

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

const measure = async (count: number) => {
	const server = await listServer(count);
	const env = terminalEnv();
	// BENCH_NODE_FLAGS="--max-semi-space-size=4": compare V8 settings.
	const flags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...flags, path.resolve('dist/cli.js'), '--uri', server.url], {cols: 120, rows: 46, env});
	let bytes = 0;
	child.onData(data => {
		bytes += data.length;
	});
	const first: number[] = [];
	const steady: number[] = [];
	let cpuAtSteady = 0;
	let pollsAtSteady = 0;
	for (let second = 1; second <= end; second++) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(1000);
		if (second === steadyFrom) {
			cpuAtSteady = cpuSeconds(child.pid);
			pollsAtSteady = server.polls();
		}

		if (second > steadyFrom) {
			steady.push(status(child.pid, 'VmRSS'));
		} else if (second > firstFrom) {
			first.push(status(child.pid, 'VmRSS'));
		}
	}

	const peak = status(child.pid, 'VmHWM');
	const cpuUsed = cpuSeconds(child.pid) - cpuAtSteady;
	const cpu = cpuUsed / (end - steadyFrom) * 100;
	const cpuPerPoll = cpuUsed * 1000 / Math.max(1, server.polls() - pollsAtSteady);
	child.write('q');
	await sleep(500);
	child.kill();
	server.close();
	return {
		count, first: {median: median(first), max: Math.max(...first)}, steady: {median: median(steady), max: Math.max(...steady)}, peak, polls: server.polls(), bytes, cpu, cpuPerPoll,
	};
};

const counts = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [0, 10_000];
const mb = (value: number): string => `${value.toFixed(0)} MB`;
console.log(`the built CLI on a 120×46 PTY, 2 s interval, VmRSS each second; Node ${process.version}\n`);
console.log(`| jobs | ${firstFrom}–${steadyFrom} s: median (highest) | ${steadyFrom}–${end} s: median (highest) | VmHWM (peak ever) | CPU ${steadyFrom}–${end} s: of a core, per poll | polls | bytes written |`);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const count of counts) {
	// eslint-disable-next-line no-await-in-loop
	const result = await measure(count);
	console.log(`| ${result.count} | ${mb(result.first.median)} (${mb(result.first.max)}) | ${mb(result.steady.median)} (${mb(result.steady.max)}) | ${mb(result.peak)} | ${result.cpu.toFixed(1)} %, ${result.cpuPerPoll.toFixed(0)} ms | ${result.polls} | ${result.bytes} |`);
}
