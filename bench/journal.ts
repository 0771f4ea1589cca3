/**
The journal's costs (issue #14), on a temporary folder:
1. per poll with 10,000 jobs listed in a new order each poll (as Milvus lists them), of which 1 %
   change state each poll: the transitions derived, the lines encoded and appended (one write per
   poll). Bytes written and ms per poll; the first poll (every job new) apart. Deriving alone, same
   run: the plain merge (mergePoll, a new map per poll) against the journal's in-place merge.
2. `history` over a journal of 1,000,000 events (100,000 jobs × 10 events): read, fold to one row
   per job, filter, sort and format the plain table. Time and memory (peak RSS, heap after).
Prints numbers, asserts nothing.
*/
import {
	mkdtempSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {Buffer} from 'node:buffer';
import {constants, PerformanceObserver} from 'node:perf_hooks';
import {openJournal} from '../source/journal/journal.js';
import {createJobObserver, type JobObserver, type JournalIndex} from '../source/journal/observer.js';
import {encodeRecord, type JournalRecord} from '../source/journal/record.js';
import type {JobEventKind} from '../source/model/jobs/types.js';
import type {Job} from '../source/model/jobs/job.js';
import {runHistory} from '../source/modes/run-history.js';
import {createPlainObserver} from '../test/journal/plain-observer.js';
import {seededRandom, shuffle} from '../source/demo/rng.js';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

const cluster = 'http://milvus.internal:19530';
const scope = {
	cluster, db: '', context: '', collections: [],
};

type PollFigures = {readonly firstMs: number; readonly firstBytes: number; readonly times: number[]; readonly cpu: number[]; readonly bytes: number[]; readonly fileBytes: number};

/** CPU ms of this process since `from` (less disturbed than wall time by other processes on a shared box). */
const cpuMs = (from: NodeJS.CpuUsage): number => {
	const used = process.cpuUsage(from);
	return (used.user + used.system) / 1000;
};

const jobCount = 10_000;
const warmUp = 5;
const timedPolls = 100;

/**
The run's polls: 10,000 jobs, 1 % moving to their next state each poll, listed in a new order every
time as Milvus does (its list comes out of a Go map). Seeded (Park–Miller's generator), so every run
and every observer sees the same lists. The first poll (every job new) apart, then 5 of warm-up.
*/
function * pollLists(): Generator<{readonly jobs: readonly Job[]; readonly at: number}, void, undefined> {
	const cycle = ['Pending', 'Importing', 'Completed'];
	const random = seededRandom(20_251_206);
	const shuffled = (jobs: Job[]): Job[] => shuffle(random, jobs);

	let world: Job[] = Array.from({length: jobCount}, (_, index) => ({
		jobId: String(454_891_732_197_474_512n + BigInt(index * 37)), collectionName: `collection_${index % 20}`, state: 'Pending', progress: 0, reason: '',
	}));
	let at = 1_765_000_000_000;
	yield {jobs: shuffled([...world]), at};
	for (let poll = 0; poll < timedPolls + warmUp; poll++) {
		const changing = new Set(Array.from({length: jobCount / 100}, (_, i) => ((poll * 100) + i) % jobCount));
		// A new list each poll; an unchanged record is the same Job as last time (api/list-records.ts reuses it), a changed
		// one a new object literal of one shape, as api/parse.ts makes them (spread copies get slower shapes).
		world = world.map((job, index) => (changing.has(index)
			? {
				jobId: job.jobId,
				collectionName: job.collectionName,
				state: cycle[(cycle.indexOf(job.state) + 1) % cycle.length]!,
				progress: Math.min(100, (job.progress ?? 0) + 50),
				reason: job.reason,
			}
			: job));
		at += 2000;
		yield {jobs: shuffled([...world]), at};
	}
}

const pollRun = async (): Promise<PollFigures> => {
	const dir = mkdtempSync(path.join(tmpdir(), 'mit-bench-journal-'));
	const journal = await openJournal({
		dir,
		cluster,
		stallAfterMs: 300_000,
		now: Date.now,
		onError(message) {
			throw new Error(message);
		},
	});
	const polls = pollLists();
	const first = polls.next().value!;
	let start = performance.now();
	journal.observe(scope, first.jobs, first.at);
	const firstMs = performance.now() - start;
	const firstBytes = journal.bytesWritten();
	const times: number[] = [];
	const cpu: number[] = [];
	const bytes: number[] = [];
	let poll = 0;
	for (const {jobs, at} of polls) {
		const before = journal.bytesWritten();
		start = performance.now();
		const cpuStart = process.cpuUsage();
		journal.observe(scope, jobs, at);
		if (poll++ >= warmUp) {
			cpu.push(cpuMs(cpuStart));
			times.push(performance.now() - start);
			bytes.push(journal.bytesWritten() - before);
		}
	}

	const fileBytes = statSync(path.join(dir, 'journal.jsonl')).size;
	rmSync(dir, {recursive: true, force: true});
	return {
		firstMs, firstBytes, times, cpu, bytes, fileBytes,
	};
};

/** A 'gc' entry's kind (perf_hooks constants: minor, major, incremental, weak callbacks). */
const gcKind = (entry: unknown): number => {
	const detail = typeof entry === 'object' && entry !== null && 'detail' in entry ? entry.detail : undefined;
	return typeof detail === 'object' && detail !== null && 'kind' in detail && typeof detail.kind === 'number' ? detail.kind : 0;
};

type DeriveFigures = {readonly cpu: number[]; readonly records: number; readonly majorGcs: number; readonly minorGcs: number; readonly gcMs: number};

/** Deriving the transitions alone (no file), with one observer: CPU per poll and the collections during the timed polls. */
const deriveRun = async (create: (index: JournalIndex, stallAfterMs: number) => JobObserver): Promise<DeriveFigures> => {
	(globalThis as {gc?: () => void}).gc?.();
	const gcs: Array<{readonly start: number; readonly ms: number; readonly kind: number}> = [];
	const watcher = new PerformanceObserver(list => {
		for (const entry of list.getEntries()) {
			gcs.push({start: entry.startTime, ms: entry.duration, kind: gcKind(entry)});
		}
	});
	watcher.observe({entryTypes: ['gc']});
	const observer = create(new Map(), 300_000);
	const cpu: number[] = [];
	let records = 0;
	let poll = -1;
	let timedFrom = Infinity;
	for (const {jobs, at} of pollLists()) {
		if (poll === warmUp) {
			timedFrom = performance.now();
		}

		const cpuStart = process.cpuUsage();
		const derived = observer.observe(scope, jobs, at);
		if (poll++ >= warmUp) {
			cpu.push(cpuMs(cpuStart));
			records += derived.length;
		}
	}

	// GC entries are delivered after the synchronous loop.
	await new Promise(resolve => {
		setTimeout(resolve, 50);
	});
	watcher.disconnect();
	const timed = gcs.filter(entry => entry.start >= timedFrom);
	return {
		cpu,
		records,
		majorGcs: timed.filter(entry => entry.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length,
		minorGcs: timed.filter(entry => entry.kind === constants.NODE_PERFORMANCE_GC_MINOR).length,
		gcMs: timed.reduce((sum, entry) => sum + entry.ms, 0),
	};
};

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

const pollBench = async (): Promise<void> => {
	// The plain merge (mergePoll, a new map per poll: the observer before it merged in place) and the observer as it
	// ships, twice each, in both orders (what runs first warms the shared code up for the other).
	const plain = await deriveRun(createPlainObserver);
	const live = await deriveRun(createJobObserver);
	const liveAgain = await deriveRun(createJobObserver);
	const plainAgain = await deriveRun(createPlainObserver);
	const full = await pollRun();
	const line = (name: string, figures: DeriveFigures): string =>
		`    ${name}: median ${median(figures.cpu).toFixed(2)} ms CPU, mean ${mean(figures.cpu).toFixed(2)}, p95 ${p95(figures.cpu).toFixed(2)}; `
		+ `${figures.majorGcs} full and ${figures.minorGcs} young collections in the ${timedPolls} polls (${figures.gcMs.toFixed(0)} ms); ${figures.records} records`;
	console.log(`journal per poll, 10,000 jobs listed in a new order each poll, 1 % changing state (${timedPolls} polls after ${warmUp} of warm-up):`);
	console.log(`  first poll (every job new): ${full.firstMs.toFixed(1)} ms, ${(full.firstBytes / 1024).toFixed(0)} KB`);
	const perPoll = median(full.bytes);
	console.log(`  later polls: median ${median(full.times).toFixed(2)} ms wall (${median(full.cpu).toFixed(2)} ms CPU), p95 ${p95(full.times).toFixed(2)} ms;`
		+ ` ${perPoll} bytes (${perPoll / 100} per transition) per poll`);
	console.log('  of which deriving the transitions (also what --no-journal with --notify pays), same run:');
	console.log(line('before: mergePoll, a new map per poll      ', plain));
	console.log(line('after:  merged in place (journal/live-jobs)', live));
	console.log(line('after, again                               ', liveAgain));
	console.log(line('before, again                              ', plainAgain));
	console.log(`  file after ${timedPolls + warmUp + 1} polls: ${mb(full.fileBytes)}`);
};

const writeHistoryJournal = (dir: string): {readonly events: number; readonly jobCount: number; readonly written: number; readonly files: number} => {
	const events = 1_000_000;
	const jobCount = 100_000;
	const kinds: ReadonlyArray<readonly [JobEventKind, string]> = [
		['appeared', 'Pending'],
		['state', 'Importing'],
		['state', 'Importing'],
		['state', 'Importing'],
		['state', 'Importing'],
		['state', 'Importing'],
		['state', 'Importing'],
		['stalled', 'Importing'],
		['completed', 'Completed'],
		['expired', 'Completed'],
	];
	// Written in parts, as rotation would leave them (oldest first), so the reader goes over several files.
	const files = ['journal.4.jsonl', 'journal.3.jsonl', 'journal.2.jsonl', 'journal.1.jsonl', 'journal.jsonl'];
	const perFile = events / files.length;
	let written = 0;
	for (const [fileIndex, name] of files.entries()) {
		const lines: string[] = [];
		for (let i = fileIndex * perFile; i < (fileIndex + 1) * perFile; i++) {
			const step = Math.floor(i / jobCount);
			const [event, state] = kinds[step]!;
			const record: JournalRecord = {
				at: 1_765_000_000_000 + (i * 1000),
				cluster,
				db: (i % jobCount) % 3 === 0 ? 'sales' : '',
				context: '',
				jobId: String(454_891_732_197_474_512n + BigInt((i % jobCount) * 37)),
				collection: `collection_${i % 20}`,
				event,
				state,
				progress: step * 10,
				reason: '',
			};
			lines.push(encodeRecord(record));
		}

		const text = lines.join('');
		written += Buffer.byteLength(text);
		writeFileSync(path.join(dir, name), text);
	}

	return {
		events, jobCount, written, files: files.length,
	};
};

/** In a process of its own (argv: --history DIR), so its peak RSS is history's alone. */
const historyChild = async (dir: string): Promise<void> => {
	let output = 0;
	const start = performance.now();
	await runHistory({
		dir,
		filter: {
			since: undefined, states: [], collections: [], contexts: [],
		},
		format: 'plain',
		out(text) {
			output += text.length;
		},
		err() {
			// Nothing to say: the figures are printed below.
		},
	});
	const ms = performance.now() - start;
	const cpu = process.cpuUsage();
	console.log(JSON.stringify({
		ms, cpu: (cpu.user + cpu.system) / 1000, output, maxRss: process.resourceUsage().maxRSS * 1024,
	}));
};

const historyBench = (): void => {
	const dir = mkdtempSync(path.join(tmpdir(), 'mit-bench-history-'));
	const {
		events, jobCount, written, files,
	} = writeHistoryJournal(dir);
	const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--history', dir], {encoding: 'utf8'});
	rmSync(dir, {recursive: true, force: true});
	type Figures = {readonly ms: number; readonly cpu: number; readonly output: number; readonly maxRss: number};
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- our own child's line
	const figures = JSON.parse(child.stdout) as Figures;
	const {
		ms, cpu, output, maxRss,
	} = figures;
	console.log(`\nhistory over ${events.toLocaleString('en')} events (${jobCount.toLocaleString('en')} jobs, ${mb(written)} in ${files} files), in its own process:`);
	console.log(`  ${(ms / 1000).toFixed(2)} s wall (${(cpu / 1000).toFixed(2)} s CPU for the whole process, start-up included) to read, fold, sort and print the table (${mb(output)})`);
	console.log(`  peak RSS of the process ${mb(maxRss)}`);
};

if (process.argv[2] === '--history') {
	await historyChild(process.argv[3]!);
} else {
	await pollBench();
	historyBench();
	console.log(`\n(load average ${loadavg().map(load => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores: wall times grow with it)`);
}
