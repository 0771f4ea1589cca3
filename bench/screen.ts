import {spawnSync} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {keepYoungGenerationSmall} from '../source/cli/young-generation.js';
import {startApp, type AppDriver} from './lib/app-driver.js';
import {advanceOne, makeJobs} from './lib/jobs.js';

/**
The live screen's cost: the real App rendered by Ink (as runTui renders it) into a fake 120-column TTY,
fed by a client whose answers the bench gives. Prints numbers; asserts nothing.
*/

// Ink draws nothing under CI=true (is-in-ci is read when Ink loads), and React picks its build when it
// loads: run again without CI and with NODE_ENV=production, as the CLI runs (cli.tsx sets it).
if (process.env['CI'] !== undefined || process.env['CONTINUOUS_INTEGRATION'] !== undefined || process.env['NODE_ENV'] === undefined) {
	const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: process.env['NODE_ENV'] ?? 'production'};
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
	const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {env, stdio: 'inherit'});
	process.exit(child.status ?? 1);
}

keepYoungGenerationSmall(); // As the CLI does for the live screen

/** `node bench/.out/screen.mjs bytes 10k latency idle`: only these measures (default all). */
const wanted = new Set(process.argv.slice(2));
const runs = (name: string): boolean => wanted.size === 0 || wanted.has(name);

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const cpuMs = (since: NodeJS.CpuUsage): number => {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
};

const columns = 120;
const rows = 46; // 40 job rows: header 3, column titles 1, footer 1, and the frame stays at rows − 1
const hours2 = 2 * 3_600_000;

/** A virtual clock the App reads, so "time in state" is steady (2h…) and only the poll changes the frame. */
const virtualClock = () => {
	let time = Date.UTC(2026, 0, 1);
	return {
		now: () => time,
		advance(ms: number) {
			time += ms;
		},
	};
};

/** One poll started by `r` and answered with `jobs`; returns bytes written, CPU ms and wall ms until Ink rendered it. */
const poll = async (app: AppDriver, jobs: ReturnType<typeof makeJobs>): Promise<{bytes: number; cpu: number; wall: number; ink: number}> => {
	app.input.type('r');
	if (app.pending !== 1) {
		throw new Error('r did not start a poll');
	}

	const {bytes} = app.out;
	const frames = app.renderTimes.length;
	const rendered = app.nextRender();
	const cpu = process.cpuUsage();
	const started = performance.now();
	app.answer(jobs);
	await rendered;
	const result = {cpu: cpuMs(cpu), wall: performance.now() - started, ink: app.renderTimes.slice(frames).reduce((sum, ms) => sum + ms, 0)};
	await app.quiet();
	return {...result, bytes: app.out.bytes - bytes};
};

/** 40 visible rows, seen for two hours; each poll moves one of them by one percent. */
const bytesPerPoll = async () => {
	const clock = virtualClock();
	const app = startApp({
		columns, rows, intervalMs: 2000, now: clock.now,
	});
	let jobs = makeJobs(40);
	app.answer(jobs);
	await app.quiet();
	clock.advance(hours2);
	await poll(app, jobs);
	const bytes: number[] = [];
	for (let step = 0; step < 60; step++) {
		clock.advance(2000);
		jobs = advanceOne(jobs, step);
		// eslint-disable-next-line no-await-in-loop
		const result = await poll(app, jobs);
		bytes.push(result.bytes);
	}

	app.stop();
	return {median: median(bytes), mean: mean(bytes), max: Math.max(...bytes)};
};

/** 10k jobs: CPU from the answer to the written frame, and the process' RSS with them on screen. */
const tenThousand = async () => {
	const clock = virtualClock();
	const app = startApp({
		columns, rows, intervalMs: 2000, now: clock.now,
	});
	let jobs = makeJobs(10_000);
	app.answer(jobs);
	await app.quiet();
	const cpu: number[] = [];
	const wall: number[] = [];
	const ink: number[] = [];
	for (let step = 0; step < 25; step++) {
		clock.advance(2000);
		jobs = advanceOne(jobs, step);
		// eslint-disable-next-line no-await-in-loop
		const result = await poll(app, jobs);
		if (step >= 5) { // Warm-up: the first polls pay for JIT compilation
			cpu.push(result.cpu);
			wall.push(result.wall);
			ink.push(result.ink);
		}
	}

	globalThis.gc?.();
	const {rss: rssBytes, heapUsed} = process.memoryUsage();
	const rss = rssBytes / 1024 / 1024;
	const heap = heapUsed / 1024 / 1024;
	app.stop();
	return {
		cpu: median(cpu), cpuMax: Math.max(...cpu), wall: median(wall), ink: median(ink), rss, heap,
	};
};

/**
A long run, compressed: 40 visible jobs that all move at every poll (so every row is new text each
frame), 600 polls one frame apart. The JS heap after a full GC at poll 100 and at poll 600: what the
screen keeps per poll beyond what it shows (Ink's own text caches kept every line ever laid out, ink#986).
*/
const soak = async () => {
	const app = startApp({columns, rows, intervalMs: 2000});
	let jobs = makeJobs(40);
	app.answer(jobs);
	await app.quiet();
	const heapAt: number[] = [];
	for (let step = 1; step <= 600; step++) {
		jobs = jobs.map(job => ({...job, progress: ((job.progress ?? 0) + 1) % 100}));
		app.input.type('r');
		const rendered = app.nextRender();
		app.answer(jobs);
		// eslint-disable-next-line no-await-in-loop
		await rendered;
		if (step === 100 || step === 600) {
			globalThis.gc?.();
			heapAt.push(process.memoryUsage().heapUsed / 1024 / 1024);
		}
	}

	app.stop();
	return {at100: heapAt[0]!, at600: heapAt[1]!};
};

/** 10k jobs: a key typed into the filter box, until the frame showing the new filter is written. */
const filterLatency = async () => {
	const app = startApp({columns, rows, intervalMs: 3_600_000});
	app.answer(makeJobs(10_000));
	await app.quiet();
	app.input.type('/');
	await app.quiet();
	const latencies: number[] = [];
	const cpus: number[] = [];
	const word = 'movies';
	for (let round = 0; round < 3; round++) {
		for (const char of [...word, ...Array.from<string>({length: word.length - 1}).fill('\u007F')]) {
			// The screen diff sends only the cells that change, so the frame is the next whole update (mode 2026 closed).
			const frame = app.written(text => text.includes('\u001B[?2026l'));
			const started = performance.now();
			const cpu = process.cpuUsage();
			app.input.type(char);
			// eslint-disable-next-line no-await-in-loop
			await frame;
			latencies.push(performance.now() - started);
			// eslint-disable-next-line no-await-in-loop
			await app.quiet(); // Past the 15 fps throttle, so each key meets an idle renderer
			cpus.push(cpuMs(cpu)); // The key's whole cost: the frame and the effects React runs after it
		}

		app.input.type('\u007F');
		// eslint-disable-next-line no-await-in-loop
		await app.quiet();
	}

	app.stop();
	return {
		median: median(latencies), max: Math.max(...latencies), keys: latencies.length, cpu: median(cpus),
	};
};

/**
1k jobs that never change, polled every 2 s on the wall clock, measured for 20 s after a 4 s warm-up.
`seenFor` moves the App's clock forward after the first poll: 0 measures the first minute after start,
when every row's time in state counts seconds (a frame a second, by design); 2 h measures the steady
state the app spends nearly all its life in (ages in minutes and hours).
*/
const idle = async (seenForMs: number) => {
	const jobs = makeJobs(1000);
	let offset = 0;
	const app = startApp({
		columns, rows, intervalMs: 2000, autoAnswer: () => jobs, now: () => Date.now() + offset,
	});
	const sleep = async (ms: number) => new Promise(resolve => {
		setTimeout(resolve, ms);
	});
	await sleep(1000);
	offset = seenForMs;
	await sleep(3000);
	const {lists} = app;
	const {bytes} = app.out;
	const frames = app.renderTimes.length;
	const cpu = process.cpuUsage();
	const started = performance.now();
	await sleep(20_000);
	const percent = (cpuMs(cpu) / (performance.now() - started)) * 100;
	const result = {
		percent, polls: app.lists - lists, bytes: app.out.bytes - bytes, frames: app.renderTimes.length - frames,
	};
	app.stop();
	return result;
};

const row = (measure: string, goal: string, value: string) => {
	console.log(`| ${measure} | ${goal} | ${value} |`);
};

const bytes = runs('bytes') ? await bytesPerPoll() : undefined;
const big = runs('10k') ? await tenThousand() : undefined;
const latency = runs('latency') ? await filterLatency() : undefined;
const kept = runs('soak') ? await soak() : undefined;
const quiet = runs('idle') ? await idle(hours2) : undefined;
const firstMinute = runs('idle') ? await idle(0) : undefined;
console.log(`React ${process.env['NODE_ENV'] === 'production' ? 'production' : 'development'} build, Node ${process.version}, ${columns}×${rows} fake TTY\n`);
console.log('| measure | goal | value |');
console.log('| --- | --- | --- |');
if (bytes) {
	row('bytes written per poll, 1 of 40 visible rows changes', '≤ 400 B', `${bytes.median} B median (mean ${bytes.mean.toFixed(0)} B, max ${bytes.max} B over 60 polls)`);
}

if (big) {
	row('CPU per poll with 10k jobs (answer → frame written)', '≤ 20 ms', `${big.cpu.toFixed(1)} ms median (max ${big.cpuMax.toFixed(1)} ms; wall ${big.wall.toFixed(1)} ms, of which Ink's render ${big.ink.toFixed(1)} ms)`);
}

if (quiet) {
	row('idle CPU, 1k unchanging jobs seen for 2 h, 2 s interval, 20 s', '< 1 % of a core', `${quiet.percent.toFixed(2)} % (${quiet.polls} polls, ${quiet.frames} frames, ${quiet.bytes} B written)`);
}

if (firstMinute) {
	row('the same in the first minute after start (ages count seconds)', '', `${firstMinute.percent.toFixed(2)} % (${firstMinute.polls} polls, ${firstMinute.frames} frames, ${firstMinute.bytes} B written)`);
}

if (latency) {
	row('keypress → frame while filtering 10k jobs', '≤ 50 ms', `${latency.median.toFixed(1)} ms median (max ${latency.max.toFixed(1)} ms over ${latency.keys} keys)`);
	row('CPU per key while filtering 10k jobs (the frame and the effects after it)', '', `${latency.cpu.toFixed(1)} ms median`);
}

if (kept) {
	row('heap kept per 100 polls when every visible row changes (600 polls)', 'flat', `${((kept.at600 - kept.at100) / 5 * 1024).toFixed(0)} kB (heap ${kept.at100.toFixed(1)} MB at poll 100 → ${kept.at600.toFixed(1)} MB at poll 600)${globalThis.gc === undefined ? ' (run with --expose-gc)' : ''}`);
}

if (big) {
	row('RSS of this bench process with 10k jobs (the CLI\'s own: bench/rss.ts)', '≤ 120 MB', `${big.rss.toFixed(0)} MB (JS heap ${big.heap.toFixed(0)} MB)${globalThis.gc === undefined ? ' (run with --expose-gc for a collected heap)' : ''}`);
}
