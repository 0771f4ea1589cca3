/**
Per-poll cost, for N jobs: the list response body as text → api/json + api/parse (parse), the
reducer's `poll-ok` with those records (reduce), then the selectors the screen reads: visible rows,
selection, counts, overall progress (select). Every poll is a new body: ~1 % of the jobs moved on
and the records come in a new random order, as Milvus sends them. Bodies are made just before
their poll (untimed), so only one poll's records are alive, as in the app. Median of several polls
after warm-up. Prints numbers, asserts nothing.
*/
import {availableParallelism, loadavg} from 'node:os';
import {readJson} from '../source/api/json.js';
import {parseListResponse} from '../source/api/parse.js';
import type {Job} from '../source/model/jobs/job.js';
import {
	countsByState, overallProgress, selectedIndex, visibleJobs,
} from '../source/model/select/select.js';
import {reducer} from '../source/model/store/reducer.js';
import {initialState, type AppState} from '../source/model/store/state.js';
import type {SortSpec} from '../source/model/jobs/types.js';

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

const bytes = new TextEncoder();
const utf8 = new TextDecoder();

/**
The response text of a poll, shaped like Milvus 2.5+ (`reason` only when non-empty). Decoded from
bytes as fetch's `text()` does: JSON.stringify returns a rope that the first regex or parse over
it would flatten (~0.6 ms per MiB), a cost the app's bodies do not have.
*/
const body = (list: readonly Job[]): string =>
	utf8.decode(bytes.encode(JSON.stringify({code: 0, data: {records: list.map(job => ({...job, reason: job.reason || undefined}))}})));

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

function select(state: AppState): number {
	const rows = visibleJobs(state);
	return rows.length + selectedIndex(state) + countsByState(state).length + (overallProgress(state) ?? 0);
}

type Timing = {readonly parse: number; readonly reduce: number; readonly select: number; readonly cpu: number};

function parse(text: string): readonly Job[] {
	const json = readJson(text);
	const result = json.ok ? parseListResponse(json.value) : undefined;
	if (!result?.ok) {
		throw new Error('bench body did not parse');
	}

	return result.value;
}

/** Polls `count` jobs (first poll untimed), returning median timings of the measured ones. */
function measure(count: number, sort: SortSpec): Timing {
	const next = random(count);
	let list = jobs(count, next);
	let state = initialState({
		scope, intervalMs: 2000, filter: {text: '', states: []}, sort, stallAfterMs: 300_000,
	});
	state = reducer(state, {
		type: 'poll-ok', at: 0, scope, jobs: parse(body(list)),
	});
	const parseTimes: number[] = [];
	const reduceTimes: number[] = [];
	const selectTimes: number[] = [];
	const cpuTimes: number[] = [];
	let sink = 0;
	for (let index = 1; index <= warmup + measured; index++) {
		list = nextPoll(list, next);
		const text = body(list);
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const records = parse(text);
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

const ms = (value: number): string => value.toFixed(2).padStart(9);
const row = (label: string, timing: Timing): string =>
	`| ${label.padEnd(38)} | ${ms(timing.parse)} | ${ms(timing.reduce)} | ${ms(timing.select)} | ${ms(timing.parse + timing.reduce + timing.select)} | ${ms(timing.cpu)} |`;

console.log(`median of ${measured} polls after ${warmup} warm-up polls, node ${process.version}\n`);
console.log(`| ${'case'.padEnd(38)} |  parse ms | reduce ms | select ms |  total ms |    cpu ms |`);
console.log(`| ${'-'.repeat(38)} | --------- | --------- | --------- | --------- | --------- |`);
// `node bench/.out/reduce.mjs 10000` measures one size only.
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1000, 10_000, 100_000];
for (const count of sizes) {
	for (const sort of [{column: 'state', reverse: false}, {column: 'rate', reverse: true}] as const) {
		console.log(row(`${count} jobs, sort by ${sort.column}${sort.reverse ? ' (rev)' : ''}`, measure(count, sort)));
	}
}

console.log([
	'',
	'parse: response text → Job[] (api/json + api/parse); reduce: the poll-ok reducer, including the visible-list',
	'sort it needs to keep the selection; select: the screen\'s reads after it (mostly memo hits); total: the sum, wall clock;',
	'cpu: user+system time of the same work',
	`(cpu is less disturbed by other processes; load average now ${loadavg().map(load => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores).`,
].join('\n'));
