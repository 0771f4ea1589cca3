import {expect, test} from 'vitest';
import {countJobs, jobKeyer, prefixedLists} from '../../source/api/contexts-lists.js';
import type {Job} from '../../source/model/jobs/job.js';
import type {ImportClient} from '../../source/api/types.js';

const job = (jobId: string, state: string, progress: number | undefined): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '',
});

test('the keyer: ids become context/id, an unchanged job is the same object as last poll, a changed one a new one', () => {
	const key = jobKeyer('prod');
	const first = key([job('1', 'Importing', 10), job('2', 'Completed', 100)]);
	expect(first.map(one => [one.jobId, one.context, one.progress])).toEqual([['prod/1', 'prod', 10], ['prod/2', 'prod', 100]]);
	const second = key([job('2', 'Completed', 100), job('1', 'Importing', 11)]);
	expect(second[0]).toBe(first[1]);
	expect(second[1]).not.toBe(first[0]);
	expect(second[1]).toMatchObject({jobId: 'prod/1', progress: 11});
	// The id string is the one of before (the reducer's lookups find its hash computed).
	expect(second[1]!.jobId).toBe(first[0]!.jobId);
});

test('the keyer forgets jobs the server no longer lists once they outnumber the listed ones', () => {
	const key = jobKeyer('a');
	const many = Array.from({length: 200}, (_, index) => job(String(index), 'Importing', 1));
	const before = key(many);
	key([job('0', 'Importing', 1)]); // Rebuilt from this poll: only job 0 is remembered.
	const again = key(many);
	expect(again[0]).toBe(before[0]);
	expect(again[1]).not.toBe(before[1]);
	expect(again[1]).toEqual(before[1]);
});

test('prefixedLists: context/name in the contexts\' order, a failing context left out, all failing the first error', async () => {
	const unused: ImportClient = {
		listImportJobs: async () => ({ok: true, value: []}),
		describeImportJob: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'x'}}),
		listCollections: async () => ({ok: true, value: []}),
		listDatabases: async () => ({ok: true, value: []}),
	};
	const servers = [{name: 'staging'}, {name: 'prod'}, {name: 'down'}].map(one => ({
		...one, uri: '', collections: [], intervalMs: 1000, client: unused,
	}));
	const lists = await prefixedLists(servers, async server => server.name === 'down'
		? {ok: false, error: {kind: 'unreachable', detail: 'x'}}
		: {ok: true, value: server.name === 'prod' ? ['movies', 'books'] : ['books']});
	expect(lists).toEqual({ok: true, value: ['staging/books', 'prod/books', 'prod/movies']});
	const none = await prefixedLists(servers, async () => ({ok: false, error: {kind: 'unreachable', detail: 'x'}}));
	expect(none.ok).toBe(false);
});

test('countJobs: running, completed, failed, and the mean progress without the failed (completed count 100)', () => {
	expect(countJobs([job('1', 'Importing', 20), job('2', 'Completed', undefined), job('3', 'Failed', 5), job('4', 'Pending', undefined)])).toEqual({
		total: 4, running: 2, completed: 1, failed: 1, progress: 60,
	});
	expect(countJobs([]).progress).toBeUndefined();
});
