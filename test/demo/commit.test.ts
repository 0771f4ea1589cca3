import {describe, expect, test} from 'vitest';
import {abortedReason} from '../../source/demo/commit.js';
import {
	session, type DescribeReply, type ListReply,
} from './helpers.js';

/** 3.0-dev's commit and abort routes (milvus-rest-import.md §2.4), with the manual clock. */

type Session = ReturnType<typeof session>;

const create = (s: Session, autoCommit: 'true' | 'false'): string =>
	s.call<{data: {jobId: string}}>('/jobs/import/create', {collectionName: 'books', files: [['books/1.parquet'], ['books/2.parquet']], options: {auto_commit: autoCommit}}).data.jobId;

const describeJob = (s: Session, jobId: string) => s.call<DescribeReply>('/jobs/import/describe', {jobId}).data;
const stateOf = (s: Session, jobId: string): string => describeJob(s, jobId).state;

/** Moves the clock 100 ms at a time until the job shows `state`; returns how long that took. */
const advanceUntil = (s: Session, jobId: string, state: string, limitMs = 300_000): number => {
	let waited = 0;
	while (stateOf(s, jobId) !== state) {
		if (waited >= limitMs) {
			throw new Error(`job ${jobId} never reached ${state}`);
		}

		s.clock.advance(100);
		waited += 100;
	}

	return waited;
};

const success = {status: 200, contentType: 'json', body: '{"code":0,"data":{}}'};

const refusal = (message: string) => ({code: 2101, message: `${message}: importing data failed on server side`});

describe('commit (3.0 only)', () => {
	test('an Uncommitted job commits at once: Committing now, Completed a few seconds later', () => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		advanceUntil(s, jobId, 'Uncommitted');
		expect(s.send('/jobs/import/commit', {jobId})).toEqual(success);
		expect(describeJob(s, jobId)).toMatchObject({state: 'Committing', progress: 99, completeTime: ''});
		expect(advanceUntil(s, jobId, 'Completed')).toBeLessThanOrEqual(6000); // Committing lasts 3–6 s.
		expect(describeJob(s, jobId)).toMatchObject({state: 'Completed', progress: 100});
	});

	test('left alone it waits for a commit, as Milvus does (an hour later: still Uncommitted at 99 %)', () => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		advanceUntil(s, jobId, 'Uncommitted');
		s.clock.advance(3_600_000);
		expect(describeJob(s, jobId)).toMatchObject({state: 'Uncommitted', progress: 99});
		s.send('/jobs/import/commit', {jobId});
		expect(stateOf(s, jobId)).toBe('Committing');
	});

	test('before Uncommitted it is refused and changes nothing; a repeated commit is a no-op; once Completed, refused', () => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		advanceUntil(s, jobId, 'Importing');
		const before = s.world().jobs.get(jobId);
		expect(s.call('/jobs/import/commit', {jobId})).toEqual(refusal(`job ${jobId} is in state Importing, only an Uncommitted job can be committed`));
		expect(s.world().jobs.get(jobId)).toBe(before);
		advanceUntil(s, jobId, 'Uncommitted'); // Still waits there: the early commit did not count.
		s.send('/jobs/import/commit', {jobId});
		const committing = s.world().jobs.get(jobId);
		expect(s.send('/jobs/import/commit', {jobId})).toEqual(success);
		expect(s.world().jobs.get(jobId)).toBe(committing);
		advanceUntil(s, jobId, 'Completed');
		expect(s.call('/jobs/import/commit', {jobId})).toEqual(refusal(`job ${jobId} is in state Completed, only an Uncommitted job can be committed`));
	});

	test('an auto-commit job takes no manual commit', () => {
		const s = session('3.0');
		const jobId = create(s, 'true');
		expect(s.call('/jobs/import/commit', {jobId})).toEqual(refusal(`job ${jobId} is an auto-commit job (auto_commit=true), commit not allowed`));
	});

	test('a planned timeout still ahead does not fail a committed job', () => {
		const s = session('3.0');
		const {jobId} = s.call<{data: {jobId: string}}>('/jobs/import/create', {collectionName: 'books', files: [['books/1.parquet']], options: {auto_commit: 'false', timeout: '600s'}}).data;
		advanceUntil(s, jobId, 'Uncommitted');
		expect(s.world().jobs.get(jobId)!.failure).toMatchObject({reason: 'import timeout'}); // Left alone it would time out.
		s.send('/jobs/import/commit', {jobId});
		expect(s.world().jobs.get(jobId)!.failure).toBeUndefined();
		advanceUntil(s, jobId, 'Completed');
	});
});

describe('abort (3.0 only)', () => {
	test.each(['Pending', 'Importing', 'Uncommitted'])('while %s: Failed at once with the fixed reason, progress and rows 0', phase => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		advanceUntil(s, jobId, phase);
		expect(s.send('/jobs/import/abort', {jobId})).toEqual(success);
		expect(describeJob(s, jobId)).toMatchObject({
			state: 'Failed', progress: 0, importedRows: 0, totalRows: 0, completeTime: '', reason: abortedReason,
		});
		const record = s.call<ListReply>('/jobs/import/list').data.records.find(each => each.jobId === jobId);
		expect(record).toEqual({
			jobId, collectionName: 'books', state: 'Failed', progress: 0, reason: abortedReason,
		});
		s.clock.advance(30_000);
		expect(stateOf(s, jobId)).toBe('Failed'); // It stays failed.
		expect(s.send('/jobs/import/abort', {jobId})).toEqual(success); // A repeated abort is harmless (PR #50692).
	});

	test('an auto-commit job (the default) is refused, as Milvus does (milvus#53159), and keeps running', () => {
		const s = session('3.0');
		const jobId = create(s, 'true');
		advanceUntil(s, jobId, 'Importing');
		expect(s.call('/jobs/import/abort', {jobId})).toEqual(refusal(`job ${jobId} is an auto-commit job (auto_commit=true), abort not allowed`));
		expect(stateOf(s, jobId)).toBe('Importing');
	});

	test('once Committing or Completed it is too late: refused, nothing changes', () => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		advanceUntil(s, jobId, 'Uncommitted');
		s.send('/jobs/import/commit', {jobId});
		expect(s.call('/jobs/import/abort', {jobId})).toEqual(refusal(`job ${jobId} is in terminal/committed state Committing, abort not allowed`));
		expect(stateOf(s, jobId)).toBe('Committing');
		advanceUntil(s, jobId, 'Completed');
		expect(s.call('/jobs/import/abort', {jobId})).toEqual(refusal(`job ${jobId} is in terminal/committed state Completed, abort not allowed`));
		expect(stateOf(s, jobId)).toBe('Completed');
	});

	test('an aborted job is garbage-collected after the retention, like any failed one', () => {
		const s = session('3.0');
		const jobId = create(s, 'false');
		s.send('/jobs/import/abort', {jobId});
		s.clock.advance(59_000);
		expect(stateOf(s, jobId)).toBe('Failed');
		s.clock.advance(1000);
		expect(s.call('/jobs/import/describe', {jobId})).toEqual({code: 2101, message: `import job does not exist, jobID=${jobId}: importing data failed on server side`});
	});
});

describe('the wire of both routes', () => {
	test.each(['/jobs/import/commit', '/jobs/import/abort'])('%s: errors as the other routes give them', path => {
		const s = session('3.0');
		expect(s.call(path, {jobId: 'abc'})).toEqual({code: 1100, message: 'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter'});
		expect(s.call(path, {jobId: 123})).toMatchObject({code: 1801});
		expect(s.call(path, {})).toMatchObject({code: 1802, message: expect.stringContaining('JobID') as unknown});
		expect(s.call(path, '')).toMatchObject({code: 1801});
		expect(s.call(path, {jobId: '454891732197474999'})).toEqual({code: 2101, message: 'import job does not exist, jobID=454891732197474999: importing data failed on server side'});
	});

	test.each(['2.4.0', '2.4', '2.5', '2.6'] as const)('%s has neither route: gin\'s 404', flavor => {
		const s = session(flavor);
		for (const path of ['/jobs/import/commit', '/jobs/import/abort']) {
			expect(s.send(path, {jobId: '1'})).toEqual({status: 404, contentType: 'text', body: '404 page not found'});
		}
	});

	test('not a GET', () => {
		expect(session('3.0').send('/jobs/import/commit', {jobId: '1'}, {method: 'GET'}).status).toBe(404);
	});
});
