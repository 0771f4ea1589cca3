import {describe, expect, test} from 'vitest';
import {parseDuration} from '../../source/demo/jobs-create.js';
import {session, type DescribeReply, type ListReply} from './helpers.js';

const body = (extra: Record<string, unknown> = {}) => ({collectionName: 'books', files: [['books/1.parquet']], ...extra});

describe('create (§2.3)', () => {
	test('returns a fresh 18-digit decimal id as a string; ids increase', () => {
		const s = session();
		const first = s.call<{code: number; data: {jobId: string}}>('/jobs/import/create', body());
		const second = s.call<{code: number; data: {jobId: string}}>('/jobs/import/create', body());
		expect(first.code).toBe(0);
		expect(first.data.jobId).toMatch(/^\d{18}$/v);
		expect(BigInt(second.data.jobId)).toBeGreaterThan(BigInt(first.data.jobId));
	});

	test.each([
		[{files: []}, 1100, 'import request is empty: invalid parameter'],
		[{files: [[]]}, 1100, 'import request is empty: invalid parameter'],
		[{files: [['books/1.parquet'], []]}, 1100, 'import request is empty: invalid parameter'],
		[{files: [['books/1.txt']]}, 2100, 'unexpected file type, files=[books/1.txt]: importing data failed'],
		[{files: [['a.parquet', 'b.parquet']]}, 2100, 'unexpected file type, files=[a.parquet b.parquet]: importing data failed'],
		[{options: {backup: 'true'}}, 1101, 'partition not specified: missing parameter'],
		[{collectionName: 'nope'}, 100, 'collection not found[database=default][collection=nope]'],
		[{dbName: 'nodb'}, 800, 'database not found[database=nodb]'],
	])('%j → %d', (extra, code, message) => {
		expect(session().call('/jobs/import/create', body(extra))).toEqual({code, message});
	});

	test('too many files → 2100', () => {
		const files = Array.from({length: 1025}, (_, i) => [`books/${i}.json`]);
		const reply = session().call('/jobs/import/create', body({files}));
		expect(reply.code).toBe(2100);
		expect(reply.message).toContain('not exceed 1024, but got 1025');
	});

	test('wrong types → 1801; missing collectionName or files → 1802', () => {
		const s = session();
		expect(s.call('/jobs/import/create', body({options: {timeout: 300}})).code).toBe(1801);
		expect(s.call('/jobs/import/create', body({files: 'books/1.parquet'})).code).toBe(1801);
		expect(s.call('/jobs/import/create', {files: [['a.parquet']]}).message).toContain('\'ImportReq.CollectionName\'');
		expect(s.call('/jobs/import/create', {collectionName: 'books'}).message).toContain('\'ImportReq.Files\'');
		expect(s.call('/jobs/import/create', '').code).toBe(1801);
	});

	test('accepts every supported type, numpy column groups, upper-case extensions, backup with a partition', () => {
		const s = session();
		const files = [['a.json'], ['b.parquet'], ['c.csv'], ['d.npy'], ['x.npy', 'y.npy'], ['E.PARQUET']];
		expect(s.call('/jobs/import/create', body({files, partitionName: 'p1', options: {backup: 'true', sep: ','}})).code).toBe(0);
	});

	test('DB-Name header picks the database when the body has none', () => {
		const s = session();
		expect(s.call('/jobs/import/create', body({collectionName: 'events'}), {dbName: 'analytics'}).code).toBe(0);
		expect(s.call('/jobs/import/create', body({collectionName: 'events'})).code).toBe(100);
	});

	test('a missing file is accepted, and the job fails later with a storage reason', () => {
		const s = session();
		const {data} = s.call<{data: {jobId: string}}>('/jobs/import/create', body({files: [['books/missing/1.parquet']]}));
		expect(s.call<DescribeReply>('/jobs/import/describe', {jobId: data.jobId}).data.state).toBe('Pending');
		s.clock.advance(15_000);
		const failed = s.call<DescribeReply>('/jobs/import/describe', {jobId: data.jobId}).data;
		expect(failed).toMatchObject({
			state: 'Failed', progress: 0, importedRows: 0, totalRows: 0,
		});
		expect(failed.reason).toContain('books/missing/1.parquet');
	});

	test('options.timeout ends a long job with "import timeout"', () => {
		const s = session();
		const {data} = s.call<{data: {jobId: string}}>('/jobs/import/create', body({options: {timeout: '10s'}}));
		s.clock.advance(10_000);
		expect(s.call<ListReply>('/jobs/import/list').data.records).toEqual([
			{
				jobId: data.jobId, collectionName: 'books', state: 'Failed', progress: 0, reason: 'import timeout',
			},
		]);
	});

	test('3.0: auto_commit=false stops at Uncommitted; invalid auto_commit → 1100; other versions ignore it', () => {
		const s = session('3.0');
		expect(s.call('/jobs/import/create', body({options: {auto_commit: 'maybe'}}))).toMatchObject({code: 1100});
		const {data} = s.call<{data: {jobId: string}}>('/jobs/import/create', body({options: {auto_commit: 'false'}}));
		const states = new Set<string>();
		for (let i = 0; i < 400 && !states.has('Completed'); i++) {
			const {state} = s.call<DescribeReply>('/jobs/import/describe', {jobId: data.jobId}).data;
			if (state === 'Uncommitted' && states.has('Uncommitted')) {
				s.call('/jobs/import/commit', {jobId: data.jobId}); // It waits for this, a second after it got there.
			}

			states.add(state);
			s.clock.advance(1000);
		}

		expect([...states]).toEqual(['Pending', 'Importing', 'Uncommitted', 'Committing', 'Completed']);
		expect(session('2.6').call('/jobs/import/create', body({options: {auto_commit: 'maybe'}})).code).toBe(0);
	});

	test('parseDuration reads Go durations', () => {
		expect(parseDuration('300s')).toBe(300_000);
		expect(parseDuration('1h30m')).toBe(5_400_000);
		expect(parseDuration('1.5s')).toBe(1500);
		expect(parseDuration('250ms')).toBe(250);
		expect(parseDuration('300')).toBeUndefined();
		expect(parseDuration('5 m')).toBeUndefined();
	});
});
