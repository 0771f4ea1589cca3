import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {Job} from '../../source/model/jobs/job.js';
import {openJournal} from '../../source/journal/journal.js';
import type {JournalScope} from '../../source/journal/observer.js';
import {readJournal} from '../../source/journal/reader.js';
import {type JournalRecord, encodeRecord} from '../../source/journal/record.js';
import {record, tempDir} from './helpers.js';

const cluster = 'http://localhost:19530';
const scope: JournalScope = {
	cluster, db: '', context: '', collections: [],
};

const job = (jobId: string, state: string, progress: number, overrides: Partial<Job> = {}): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '', ...overrides,
});

const open = async (dir: string | undefined) => openJournal({
	dir,
	cluster,
	stallAfterMs: 300_000,
	now: Date.now,
	onError(message) {
		throw new Error(message);
	},
});

const brief = (records: readonly JournalRecord[]): string[] => records.map(item => `${item.jobId} ${item.event} ${item.state} ${item.progress ?? '-'}`);

const fileRecords = async (dir: string): Promise<JournalRecord[]> => {
	const records: JournalRecord[] = [];
	await readJournal(dir, item => {
		records.push(item);
	});
	return records;
};

describe('reading the journal', () => {
	test('a file many read chunks long, with multi-byte characters across their edges, reads back record for record', async () => {
		const dir = tempDir();
		// ~1.2 MB: lines and characters of three bytes fall across the reader's chunk edges (64 KiB) many times over.
		const written = Array.from({length: 3000}, (_, index) => record({
			jobId: String(index), at: 1_765_000_000_000 + index, reason: `${'あ'.repeat(index % 97)} failed to read s3://bucket/part-${index}.parquet ${'x'.repeat(index % 300)}`,
		}));
		writeFileSync(path.join(dir, 'journal.jsonl'), written.map(item => encodeRecord(item)).join('')); // Each line ends with its own newline
		const read = await fileRecords(dir);
		expect(read).toHaveLength(written.length);
		const reopened = await open(dir);
		expect(reopened.readRecords).toBe(written.length); // What the start tells the caller it parsed (cli/feed.ts)
		expect(read).toEqual(written);
	});
});

describe('journal across polls and restarts', () => {
	test('a restarted app journals only what changed while it was away, including jobs the server forgot', async () => {
		const dir = tempDir();
		const first = await open(dir);
		expect(brief(first.observe(scope, [job('1', 'Pending', 0), job('2', 'Completed', 100)], 1000))).toEqual(['1 appeared Pending 0', '2 completed Completed 100']);
		expect(brief(first.observe(scope, [job('1', 'Importing', 40), job('2', 'Completed', 100)], 2000))).toEqual(['1 state Importing 40']);
		// Progress alone is not a transition.
		expect(first.observe(scope, [job('1', 'Importing', 60), job('2', 'Completed', 100)], 3000)).toEqual([]);

		// Restart: job 1 finished meanwhile, job 2 was garbage-collected by the server, job 3 is new.
		const second = await open(dir);
		expect(second.earlier.map(item => item.jobId)).toEqual(['1', '2', '1']);
		expect(brief(second.observe(scope, [job('1', 'Completed', 100), job('3', 'Importing', 5)], 10_000))).toEqual([
			'1 completed Completed 100', '3 appeared Importing 5', '2 expired Completed 100',
		]);
		// Said once: the next poll has nothing to add.
		expect(second.observe(scope, [job('1', 'Completed', 100), job('3', 'Importing', 5)], 11_000)).toEqual([]);

		// Another restart with the server down to nothing: 1 expired, 3 lost (it was running); 2 is not said again.
		const third = await open(dir);
		expect(brief(third.observe(scope, [], 20_000))).toEqual(['1 expired Completed 100', '3 lost Importing 5']);
		expect(third.observe(scope, [], 21_000)).toEqual([]);

		const all = await fileRecords(dir);
		expect(all).toHaveLength(8);
		expect(all.at(-1)).toMatchObject({
			at: 20_000, cluster, jobId: '3', event: 'lost', state: 'Importing',
		});
	});

	test('a failure is journaled with its reason; jobs outside the polled collections are not "gone"', async () => {
		const dir = tempDir();
		const first = await open(dir);
		first.observe(scope, [job('1', 'Importing', 10), job('9', 'Importing', 10, {collectionName: 'other'})], 1000);
		const books: JournalScope = {...scope, collections: ['books']};
		const second = await open(dir);
		expect(second.observe(books, [job('1', 'Failed', 0, {reason: 'row 7: bad vector'})], 2000)).toEqual([{
			at: 2000, cluster, db: '', context: '', jobId: '1', collection: 'books', event: 'failed', state: 'Failed', progress: 0, reason: 'row 7: bad vector',
		}]);
	});

	test('another database or cluster is another set of jobs', async () => {
		const dir = tempDir();
		const first = await open(dir);
		first.observe(scope, [job('1', 'Importing', 10)], 1000);
		const second = await open(dir);
		expect(brief(second.observe({...scope, db: 'sales'}, [], 2000))).toEqual([]);
		expect(brief(second.observe(scope, [], 3000))).toEqual(['1 lost Importing 10']);
	});

	test('a job journaled as expired or lost during the run is no longer held; scope switches journal the same as before', async () => {
		const dir = tempDir();
		const journal = await open(dir);
		journal.observe(scope, [job('1', 'Completed', 100), job('2', 'Importing', 10), job('3', 'Importing', 20)], 1000);
		expect([...journal.known().values()].map(item => item.jobId).toSorted()).toEqual(['1', '2', '3']);
		expect(brief(journal.observe(scope, [job('3', 'Importing', 20)], 2000))).toEqual(['1 expired Completed 100', '2 lost Importing 10']);
		expect([...journal.known().values()].map(item => item.jobId)).toEqual(['3']);
		// Away to another database and back: 1 and 2 are neither seeded nor said again; 3 is compared with its last record.
		expect(brief(journal.observe({...scope, db: 'sales'}, [], 3000))).toEqual([]);
		expect(brief(journal.observe(scope, [job('3', 'Completed', 100)], 4000))).toEqual(['3 completed Completed 100']);
		// The file still has every record.
		const written = await fileRecords(dir);
		expect(written.map(item => `${item.jobId} ${item.event}`)).toEqual([
			'1 completed', '2 appeared', '3 appeared', '1 expired', '2 lost', '3 completed',
		]);
	});

	test('--no-journal: events are still derived (for notifications), nothing is read or written', async () => {
		const journal = await open(undefined);
		expect(brief(journal.observe(scope, [job('1', 'Failed', 0)], 1000))).toEqual(['1 failed Failed 0']);
		expect(journal.bytesWritten()).toBe(0);
	});
});
