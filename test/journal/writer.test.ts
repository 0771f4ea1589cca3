import {
	existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {Buffer} from 'node:buffer';
import {describe, expect, test} from 'vitest';
import {readJournal} from '../../source/journal/reader.js';
import {encodeRecord, type JournalRecord} from '../../source/journal/record.js';
import {openJournalWriter, writeChars} from '../../source/journal/writer.js';
import {record, tempDir} from './helpers.js';

const readAll = async (dir: string): Promise<{records: JournalRecord[]; skipped: number}> => {
	const records: JournalRecord[] = [];
	const {skipped} = await readJournal(dir, item => {
		records.push(item);
	});
	return {records, skipped};
};

const noErrors = (message: string): void => {
	throw new Error(`unexpected journal error: ${message}`);
};

describe('journal writer and reader', () => {
	test('records round-trip, one line each, in order', async () => {
		const dir = tempDir();
		const writer = openJournalWriter({dir, now: Date.now, onError: noErrors});
		const written = [record(), record({event: 'failed', state: 'Failed', reason: 'bad file "x.parquet"'}), record({jobId: '2', progress: undefined})];
		writer.append(written.slice(0, 2));
		writer.append(written.slice(2));
		const text = readFileSync(path.join(dir, 'journal.jsonl'), 'utf8');
		expect(text.split('\n')).toHaveLength(4);
		const {records} = await readAll(dir);
		expect(records).toEqual(written);
		expect(statSync(path.join(dir, 'journal.jsonl')).mode.toString(8).slice(-3)).toBe('600');
	});

	test('a torn last line (crash mid-write) is skipped on read, and the next run does not glue onto it', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'journal.jsonl');
		const whole = encodeRecord(record({jobId: '1'}));
		const torn = encodeRecord(record({jobId: '2'})).slice(0, 40);
		writeFileSync(file, whole + torn);
		expect(await readAll(dir)).toEqual({records: [record({jobId: '1'})], skipped: 1});

		// The restarted app appends: its line must start on a line of its own.
		openJournalWriter({dir, now: Date.now, onError: noErrors}).append([record({jobId: '3'})]);
		const after = await readAll(dir);
		expect(after.records.map(item => item.jobId)).toEqual(['1', '3']);
		expect(after.skipped).toBe(1);
	});

	test('a restart appends to the same journal', async () => {
		const dir = tempDir();
		openJournalWriter({dir, now: Date.now, onError: noErrors}).append([record({jobId: '1'})]);
		openJournalWriter({dir, now: Date.now, onError: noErrors}).append([record({jobId: '2'})]);
		const {records} = await readAll(dir);
		expect(records.map(item => item.jobId)).toEqual(['1', '2']);
	});

	test('rotation keeps `keep` old files, drops the oldest, and history reads them oldest first', async () => {
		const dir = tempDir();
		const line = Buffer.byteLength(encodeRecord(record({jobId: '10'})));
		const limits = {maxBytes: line * 2, keep: 2, maxAgeMs: 86_400_000};
		const writer = openJournalWriter({
			dir, limits, now: Date.now, onError: noErrors,
		});
		for (let id = 10; id < 20; id++) {
			writer.append([record({jobId: String(id)})]);
		}

		expect(readdirSync(dir).toSorted()).toEqual(['journal.1.jsonl', 'journal.2.jsonl', 'journal.jsonl']);
		for (const name of readdirSync(dir)) {
			expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(limits.maxBytes);
		}

		// Ten records, two per file, three files: the six newest are left, in order.
		const {records} = await readAll(dir);
		expect(records.map(item => item.jobId)).toEqual(['14', '15', '16', '17', '18', '19']);
	});

	test('a large append is written in pieces of whole lines: a rotation can fall between them, a torn line before stays apart', async () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, 'journal.jsonl'), encodeRecord(record({jobId: 'torn'})).slice(0, 30));
		const limits = {maxBytes: 2 * writeChars, keep: 20, maxAgeMs: 86_400_000};
		const writer = openJournalWriter({
			dir, limits, now: Date.now, onError: noErrors,
		});
		// 2,000 lines with 200-character reasons (~0.6 MB): one write would rotate once, before it, and leave one file over the limit.
		const many = Array.from({length: 2000}, (_, index) => record({jobId: String(index), reason: `s3://bucket/${'x'.repeat(180)}/${index}.parquet`}));
		writer.append(many);
		const names = readdirSync(dir);
		expect(names.length).toBeGreaterThan(4);
		for (const name of names) {
			const text = readFileSync(path.join(dir, name), 'utf8');
			expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limits.maxBytes);
			expect(text.endsWith('\n') || name === 'journal.1.jsonl' || text.length === 30).toBe(true);
		}

		const records: JournalRecord[] = [];
		const {skipped} = await readJournal(dir, item => {
			records.push(item);
		}, limits.keep);
		expect(skipped).toBe(1);
		expect(records).toEqual(many);
		expect(writer.written()).toBe(many.reduce((sum, item) => sum + Buffer.byteLength(encodeRecord(item)), 0) + 1);
	});

	test('files last written longer ago than maxAgeMs are deleted at start', () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, 'journal.1.jsonl'), encodeRecord(record()));
		writeFileSync(path.join(dir, 'journal.jsonl'), encodeRecord(record()));
		const old = new Date(Date.now() - (40 * 86_400_000));
		utimesSync(path.join(dir, 'journal.1.jsonl'), old, old);
		openJournalWriter({dir, now: Date.now, onError: noErrors});
		expect(existsSync(path.join(dir, 'journal.1.jsonl'))).toBe(false);
		expect(existsSync(path.join(dir, 'journal.jsonl'))).toBe(true);
	});

	test('a journal that cannot be written is reported once and then left alone', () => {
		const base = tempDir();
		// A file where the folder should be: mkdir fails even for root.
		writeFileSync(path.join(base, 'state'), '');
		const errors: string[] = [];
		const writer = openJournalWriter({
			dir: path.join(base, 'state', 'milvus-import-top'), now: Date.now, onError(message) {
				errors.push(message);
			},
		});
		writer.append([record()]);
		writer.append([record()]);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^journal off for this run: cannot write .*journal\.jsonl \(ENOTDIR\)$/v);
	});

	test('hostile text in a hand-edited journal is sanitized on read; junk lines are skipped', async () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, 'journal.jsonl'), [
			JSON.stringify({...record(), reason: 'x\u001B]52;c;aGk=\u0007y', collection: 'a\u001B[2Jb'}),
			'not json',
			'{"jobId":"no time"}',
			'',
		].join('\n'));
		const {records, skipped} = await readAll(dir);
		expect(skipped).toBe(2);
		expect(records[0]).toMatchObject({reason: 'xy', collection: 'ab'});
	});
});
