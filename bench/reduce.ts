/**
Per-poll cost of the model: reducer (`poll-ok` with a reshuffled, slightly changed list of N jobs)
then the selectors the screen reads (visible rows, selection, counts, overall progress). Median of
several polls after warm-up. Also "parse + reduce + select" for 10k jobs: the list response body as
text → api/json + api/parse → the same. Prints numbers, asserts nothing.
*/
import {availableParallelism, loadavg} from 'node:os';
import {readJson} from '../source/api/json.js';
import {parseListResponse} from '../source/api/parse.js';
import type {Job} from '../source/model/job.js';
import {
	countsByState, overallProgress, selectedIndex, visibleJobs,
} from '../source/model/select.js';
import {initialState, reducer, type AppState} from '../source/model/state.js';
import type {SortSpec} from '../source/model/types.js';

const scope = {dbName: undefined, collectionName: undefined};
const warmup = 3;
const measured = 15;

/** Deterministic pseudo-random numbers (Park–Miller), so every run measures the same work. */
function random(seed: number): () => number {
	let a = (seed % 2_147_483_646) + 1;
	return () => {
		a = (a * 16_807) % 2_147_483_647;
		return (a - 1) / 2_147_483_646;
	};
}

const states = ['Completed', 'Completed', 'Completed', 'Importing', 'Importing', 'Pending', 'Failed'];

function jobs(count: number, next: () => number): Job[] {
	return Array.from({length: count}, (_, index) => {
		const state = states[Math.floor(next() * states.length)]!;
		return {
			jobId: String(454_891_732_197_474_512n + BigInt(index * 37)),
			collectionName: `collection_${index % 20}`,
			state,
			progress: state === 'Completed' ? 100 : (state === 'Failed' ? 0 : Math.floor(next() * 90)),
			reason: state === 'Failed' ? 'import timeout' : '',
		};
	});
}

/**
The next poll: ~1 % of the jobs moved on, every record is a new object (as the parser makes them),
and they come in a new random order (as Milvus sends them).
*/
function nextPoll(previous: readonly Job[], next: () => number): Job[] {
	const moved = previous.map(job => ({
		jobId: job.jobId,
		collectionName: job.collectionName,
		state: job.state,
		progress: job.state === 'Importing' && next() < 0.03 ? Math.min(99, (job.progress ?? 0) + 1) : job.progress,
		reason: job.reason,
	}));
	for (let index = moved.length - 1; index > 0; index--) {
		const other = Math.floor(next() * (index + 1));
		[moved[index], moved[other]] = [moved[other]!, moved[index]!];
	}

	return moved;
}

function polls(count: number): Job[][] {
	const next = random(count);
	const list = [jobs(count, next)];
	for (let index = 1; index < warmup + measured + 1; index++) {
		list.push(nextPoll(list.at(-1)!, next));
	}

	return list;
}

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

function select(state: AppState): number {
	const rows = visibleJobs(state);
	return rows.length + selectedIndex(state) + countsByState(state).length + (overallProgress(state) ?? 0);
}

type Timing = {readonly parse: number; readonly reduce: number; readonly select: number; readonly cpu: number};

/** Runs every poll through `step`, returning median timings of the measured ones. */
function measure(lists: readonly Job[][], sort: SortSpec, toJobs: (index: number) => readonly Job[]): Timing {
	let state = initialState({
		scope, intervalMs: 2000, filter: {text: '', states: []}, sort, stallAfterMs: 300_000,
	});
	state = reducer(state, {
		type: 'poll-ok', at: 0, scope, jobs: lists[0]!,
	});
	const parseTimes: number[] = [];
	const reduceTimes: number[] = [];
	const selectTimes: number[] = [];
	const cpuTimes: number[] = [];
	let sink = 0;
	for (let index = 1; index < lists.length; index++) {
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const records = toJobs(index);
		const tp = performance.now();
		state = reducer(state, {
			type: 'poll-ok', at: index * 2000, scope, jobs: records,
		});
		const t1 = performance.now();
		sink += select(state);
		const t2 = performance.now();
		const cpu = process.cpuUsage(cpu0);
		if (index > warmup) {
			parseTimes.push(tp - t0);
			reduceTimes.push(t1 - tp);
			selectTimes.push(t2 - t1);
			cpuTimes.push((cpu.user + cpu.system) / 1000);
		}
	}

	if (sink < 0) {
		console.log(sink);
	}

	return {
		parse: median(parseTimes), reduce: median(reduceTimes), select: median(selectTimes), cpu: median(cpuTimes),
	};
}

// Parse + reduce + select: the body as a server sends it, so JSON.parse and the parser are in the measured time.
function parseRow(lists: readonly Job[][]): string {
	const bodies = lists.map(list => JSON.stringify({code: 0, data: {records: list.map(job => ({...job, reason: job.reason || undefined}))}}));
	const parsed = (index: number): readonly Job[] => {
		const json = readJson(bodies[index]!);
		const result = json.ok ? parseListResponse(json.value) : undefined;
		if (!result?.ok) {
			throw new Error('bench body did not parse');
		}

		return result.value;
	};

	return row(`${lists[0]!.length} jobs, parse + reduce + select`, measure(lists, {column: 'state', reverse: false}, parsed));
}

const ms = (value: number): string => value.toFixed(2).padStart(9);
const row = (label: string, timing: Timing): string =>
	`| ${label.padEnd(38)} | ${ms(timing.parse)} | ${ms(timing.reduce)} | ${ms(timing.select)} | ${ms(timing.parse + timing.reduce + timing.select)} | ${ms(timing.cpu)} |`;

console.log(`median of ${measured} polls after ${warmup} warm-up polls, node ${process.version}\n`);
console.log(`| ${'case'.padEnd(38)} |  parse ms | reduce ms | select ms |  total ms |    cpu ms |`);
console.log(`| ${'-'.repeat(38)} | --------- | --------- | --------- | --------- | --------- |`);
// The goal is about 10k: the whole path from response text to what the screen reads. It runs
// first, while only parser-made records have gone through the reducer, as in the app (records of a
// second shape, the bench's own, make V8's property caches polymorphic and the later rows slower).
console.log(parseRow(polls(10_000)));

// `node bench/.out/reduce.mjs 10000` measures one size only.
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1000, 10_000, 100_000];
for (const count of sizes) {
	const lists = polls(count);
	for (const sort of [{column: 'state', reverse: false}, {column: 'rate', reverse: true}] as const) {
		console.log(row(`${count} jobs, sort by ${sort.column}${sort.reverse ? ' (rev)' : ''}`, measure(lists, sort, index => lists[index]!)));
	}
}

console.log([
	'',
	'parse: response text → Job[] (api/json + api/parse), where named; reduce: the poll-ok reducer, including the visible-list',
	'sort it needs to keep the selection; select: the screen\'s reads after it (mostly memo hits); total: the sum, wall clock;',
	'cpu: user+system time of the same work',
	`(cpu is less disturbed by other processes; load average now ${loadavg().map(load => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores).`,
].join('\n'));
