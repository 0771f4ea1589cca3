/**
The journal's costs (issue #14), on a temporary folder:
1. per poll with 10,000 jobs of which 1 % change state each poll: the transitions derived (the
   model's mergePoll on the journal's own map), the lines encoded and appended (one write per poll).
   Bytes written and ms per poll; the first poll (every job new) apart.
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
import {openJournal} from '../source/journal/journal.js';
import {encodeRecord, type JournalRecord} from '../source/journal/record.js';
import type {JobEventKind} from '../source/model/jobs/types.js';
import type {Job} from '../source/model/jobs/job.js';
import {runHistory} from '../source/modes/run-history.js';

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

const pollRun = async (write: boolean): Promise<PollFigures> => {
	const dir = mkdtempSync(path.join(tmpdir(), 'mit-bench-journal-'));
	const journal = await openJournal({
		dir: write ? dir : undefined,
		cluster,
		stallAfterMs: 300_000,
		now: Date.now,
		onError(message) {
			throw new Error(message);
		},
	});
	const count = 10_000;
	const cycle = ['Pending', 'Importing', 'Completed'];
	let jobs: Job[] = Array.from({length: count}, (_, index) => ({
		jobId: String(454_891_732_197_474_512n + BigInt(index * 37)), collectionName: `collection_${index % 20}`, state: 'Pending', progress: 0, reason: '',
	}));
	let at = 1_765_000_000_000;
	let start = performance.now();
	journal.observe(scope, jobs, at);
	const firstMs = performance.now() - start;
	const firstBytes = journal.bytesWritten();
	const times: number[] = [];
	const cpu: number[] = [];
	const bytes: number[] = [];
	const polls = 100;
	for (let poll = 0; poll < polls + 5; poll++) {
		// 1 % of the jobs move to their next state (a new list each poll, as the parser makes one).
		const changing = new Set(Array.from({length: count / 100}, (_, i) => ((poll * 100) + i) % count));
		// Object literals, one shape, as api/parse.ts makes them (spread copies get slower shapes).
		jobs = jobs.map((job, index) => ({
			jobId: job.jobId,
			collectionName: job.collectionName,
			state: changing.has(index) ? cycle[(cycle.indexOf(job.state) + 1) % cycle.length]! : job.state,
			progress: changing.has(index) ? Math.min(100, (job.progress ?? 0) + 50) : job.progress,
			reason: job.reason,
		}));
		at += 2000;
		const before = journal.bytesWritten();
		start = performance.now();
		const cpuStart = process.cpuUsage();
		journal.observe(scope, jobs, at);
		if (poll >= 5) {
			cpu.push(cpuMs(cpuStart));
			times.push(performance.now() - start);
			bytes.push(journal.bytesWritten() - before);
		}
	}

	const fileBytes = write ? statSync(path.join(dir, 'journal.jsonl')).size : 0;
	rmSync(dir, {recursive: true, force: true});
	return {
		firstMs, firstBytes, times, cpu, bytes, fileBytes,
	};
};

const pollBench = async (): Promise<void> => {
	const derive = await pollRun(false);
	const full = await pollRun(true);
	console.log('journal per poll, 10,000 jobs, 1 % changing state (100 polls after 5 of warm-up):');
	console.log(`  first poll (every job new): ${full.firstMs.toFixed(1)} ms, ${(full.firstBytes / 1024).toFixed(0)} KB`);
	console.log(`  later polls: median ${median(full.times).toFixed(2)} ms wall (${median(full.cpu).toFixed(2)} ms CPU), p95 ${p95(full.times).toFixed(2)} ms; ${median(full.bytes)} bytes (${median(full.bytes) / 100} per transition) per poll`);
	console.log(`    of which deriving the transitions (mergePoll on the journal's map; also what --no-journal with --notify pays): median ${median(derive.times).toFixed(2)} ms wall (${median(derive.cpu).toFixed(2)} ms CPU)`);
	console.log(`  file after 106 polls: ${mb(full.fileBytes)}`);
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
