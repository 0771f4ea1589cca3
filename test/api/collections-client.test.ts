import {expect, test} from 'vitest';
import type {ImportClient, ListOptions} from '../../source/api/types.js';
import {limitToCollections} from '../../source/api/collections-client.js';
import type {Job} from '../../source/model/jobs/job.js';

const job = (jobId: string, collectionName: string): Job => ({
	jobId, collectionName, state: 'Importing', progress: 50, reason: '',
});

const fakeClient = (byCollection: Record<string, readonly Job[]>, asked: Array<string | undefined>): ImportClient => ({
	async listImportJobs(options?: ListOptions) {
		asked.push(options?.collectionName);
		if (options?.collectionName === 'gone') {
			return {ok: false, error: {kind: 'milvus', code: 100, message: 'collection not found'}};
		}

		return {ok: true, value: options?.collectionName === undefined ? Object.values(byCollection).flat() : byCollection[options.collectionName] ?? []};
	},
	describeImportJob: async () => ({ok: false, error: {kind: 'aborted'}}),
	listCollections: async () => ({ok: true, value: Object.keys(byCollection)}),
	listDatabases: async () => ({ok: true, value: ['default']}),
});

test('"all" is one list per named collection, merged; a single collection passes through', async () => {
	const asked: Array<string | undefined> = [];
	const client = limitToCollections(fakeClient({books: [job('1', 'books')], movies: [job('2', 'movies')], other: [job('3', 'other')]}, asked), ['books', 'movies']);
	const all = await client.listImportJobs({});
	expect(all.ok && all.value.map(one => one.jobId)).toEqual(['1', '2']);
	expect(asked).toEqual(['books', 'movies']);
	const one = await client.listImportJobs({collectionName: 'other'});
	expect(one.ok && one.value.map(each => each.jobId)).toEqual(['3']);
});

test('the first failure is the answer', async () => {
	const client = limitToCollections(fakeClient({books: [job('1', 'books')]}, []), ['books', 'gone']);
	const result = await client.listImportJobs();
	expect(result).toEqual({ok: false, error: {kind: 'milvus', code: 100, message: 'collection not found'}});
});
