/**
Contexts (issue 13): the CPU of one poll of the live screen with 5 contexts × 2,000 jobs against one context
× 10,000. Per poll: every context's answer read as its client reads it (api/list-records.ts, else api/json + api/parse), each context's jobs keyed
`context/id` and merged as api/contexts-hub.ts hands them to the screen, the poll-ok reducer over all of
them, and the screen's selectors. ~1 % of jobs move per poll and every answer comes in a new order, as in
bench/reduce.ts. Median of several polls after warm-up; prints numbers, asserts nothing.
*/
import {availableParallelism, loadavg} from 'node:os';
import {jobKeyer} from '../source/api/contexts-hub.js';
import {mergeLists} from '../source/api/contexts-lists.js';
import {readJson} from '../source/api/json.js';
import {createListReader, type ListReader} from '../source/api/list-records.js';
import {parseListResponse} from '../source/api/parse.js';
import type {Job} from '../source/model/jobs/job.js';
import {
	countsByState, overallProgress, selectedIndex, visibleJobs,
} from '../source/model/select/select.js';
import {reducer} from '../source/model/store/reducer.js';
import {initialState, type AppState} from '../source/model/store/state.js';
import {makeJobs} from './lib/jobs.js';

const scope = {dbName: undefined, collectionName: undefined};
const warmup = 3;
const measured = 31;

/** Deterministic pseudo-random numbers (Park–Miller). */
const random = (seed: number): (() => number) => {
	let a = (seed % 2_147_483_646) + 1;
	return () => {
		a = (a * 16_807) % 2_147_483_647;
		return (a - 1) / 2_147_483_646;
	};
};

/** The next answer of one server: ~1 % of its running jobs one percent further, new objects, a new order. */
const nextPoll = (previous: readonly Job[], next: () => number): Job[] => {
	const moved = previous.map(job => ({
		...job, progress: job.state === 'Importing' && next() < 0.03 ? Math.min(99, (job.progress ?? 0) + 1) : job.progress,
	}));
	for (let index = moved.length - 1; index > 0; index--) {
		const other = Math.floor(next() * (index + 1));
		[moved[index], moved[other]] = [moved[other]!, moved[index]!];
	}

	return moved;
};

const bytes = new TextEncoder();
const utf8 = new TextDecoder();
/** An answer's bytes, as the client reads them off the wire. */
const body = (list: readonly Job[]): Uint8Array =>
	bytes.encode(JSON.stringify({code: 0, data: {records: list.map(job => ({...job, reason: job.reason || undefined}))}}));

/**
As each context's client reads its answer: the record reader it keeps (api/list-records.ts: only records
whose bytes changed are parsed), else the plain way.
*/
const parse = (read: ListReader, bytesRead: Uint8Array): readonly Job[] => {
	const byRecord = read(bytesRead);
	if (byRecord !== undefined) {
		if (!byRecord.ok) {
			throw new Error('bench body did not parse');
		}

		return byRecord.value;
	}

	const json = readJson(utf8.decode(bytesRead));
	const result = json.ok ? parseListResponse(json.value) : undefined;
	if (!result?.ok) {
		throw new Error('bench body did not parse');
	}

	return result.value;
};

const select = (state: AppState): number =>
	visibleJobs(state).length + selectedIndex(state) + countsByState(state).length + (overallProgress(state) ?? 0);

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Medians in ms: the whole poll (wall and CPU), and its CPU split into parse + key/merge and reduce + select. */
type Timing = {readonly wall: number; readonly cpu: number; readonly parse: number; readonly reduce: number};

const cpuSince = (start: NodeJS.CpuUsage): number => {
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
};

/** `contexts` servers of `perContext` jobs each; 1 context means no keying, as the app without a config file. */
const measure = (contexts: number, perContext: number): Timing => {
	const next = random(contexts * perContext);
	// The same ids on every cluster (the worst case for keeping rows apart).
	let lists = Array.from({length: contexts}, () => makeJobs(perContext));
	const keyers = lists.map((_, index) => jobKeyer(`context-${index}`));
	const readers = lists.map(() => createListReader()); // One per client, as each context has its own.
	const merge = (texts: readonly Uint8Array[]): readonly Job[] =>
		contexts === 1 ? parse(readers[0]!, texts[0]!) : mergeLists(texts.map((text, index) => keyers[index]!(parse(readers[index]!, text))));
	let state = initialState({
		scope, intervalMs: 2000, filter: {text: '', states: []}, sort: {column: 'state', reverse: false}, stallAfterMs: 300_000,
	});
	state = reducer(state, {
		type: 'poll-ok', at: 0, scope, jobs: merge(lists.map(list => body(list))),
	});
	const walls: number[] = [];
	const cpus: number[] = [];
	const parses: number[] = [];
	const reduces: number[] = [];
	let sink = 0;
	for (let index = 1; index <= warmup + measured; index++) {
		lists = lists.map(list => nextPoll(list, next));
		const texts = lists.map(list => body(list));
		globalThis.gc?.(); // The previous poll's garbage is not this one's cost (bench/run.js runs node --expose-gc).
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const jobs = merge(texts);
		const parsed = cpuSince(cpu0);
		const cpu1 = process.cpuUsage();
		state = reducer(state, {
			type: 'poll-ok', at: index * 2000, scope, jobs,
		});
		sink += select(state);
		const wall = performance.now() - t0;
		const reduced = cpuSince(cpu1);
		if (index > warmup) {
			walls.push(wall);
			cpus.push(cpuSince(cpu0));
			parses.push(parsed);
			reduces.push(reduced);
		}
	}

	if (sink < 0) {
		console.log(sink);
	}

	return {
		wall: median(walls), cpu: median(cpus), parse: median(parses), reduce: median(reduces),
	};
};

const ms = (value: number): string => value.toFixed(2).padStart(9);
console.log(`median of ${measured} polls after ${warmup} warm-up polls, node ${process.version}\n`);
console.log(`| ${'case'.padEnd(26)} |   wall ms |    cpu ms | parse+merge cpu | reduce+select cpu |`);
console.log(`| ${'-'.repeat(26)} | --------- | --------- | --------------- | ----------------- |`);
// Each case three times, alternating, the best of them: the other's garbage and a busy machine weigh less.
const rounds = 5;
const ones: Timing[] = [];
const fives: Timing[] = [];
for (let round = 0; round < rounds; round++) {
	ones.push(measure(1, 10_000));
	fives.push(measure(5, 2000));
}

const best = (timings: readonly Timing[]): Timing => timings.toSorted((a, b) => a.cpu - b.cpu)[0]!;
const one = best(ones);
const five = best(fives);
const ratios = ones.map((timing, index) => fives[index]!.cpu / timing.cpu);
const line = (name: string, timing: Timing): string =>
	`| ${name.padEnd(26)} | ${ms(timing.wall)} | ${ms(timing.cpu)} | ${ms(timing.parse).padStart(15)} | ${ms(timing.reduce).padStart(17)} |`;
console.log(line('1 context × 10,000 jobs', one));
console.log(line('5 contexts × 2,000 jobs', five));
console.log([
	'',
	`5 contexts / 1 context, cpu: best ${(five.cpu / one.cpu).toFixed(2)}×, median of the rounds ${median(ratios).toFixed(2)}× (each round: ${ratios.map(ratio => ratio.toFixed(2)).join(', ')})`,
	'per poll: parse every answer, key and merge (api/contexts-hub.ts), the poll-ok reducer, the screen\'s selectors.',
	`load average now ${loadavg().map(load => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores.`,
].join('\n'));
