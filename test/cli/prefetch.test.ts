import {describe, expect, test} from 'vitest';
import {prefetchFirstList} from '../../source/cli/prefetch.js';
import {collectNow} from '../../source/cli/young-generation.js';
import type {Job} from '../../source/model/jobs/job.js';
import {createFakeClient, job} from '../helpers/fake-client.js';
import {tick} from '../helpers/wait.js';

const scope = {dbName: 'analytics', collectionName: undefined};
const jobs = [job('1', 'Importing', 40), job('2', 'Completed', 100)];
const at = 1_700_000_000_000;

describe('prefetchFirstList', () => {
	test('sends the list request at once, for the given scope', () => {
		const fake = createFakeClient();
		prefetchFirstList(fake.client, scope, () => at);
		expect(fake.listCalls).toBe(1);
		expect(fake.lists[0]!.options).toMatchObject(scope);
	});

	test('the first list call for the scope gets that answer, without a second request', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		const first = prefetch.client.listImportJobs({...scope, signal: new AbortController().signal});
		fake.answerList(jobs);
		expect(await first).toEqual({ok: true, value: jobs});
		expect(fake.listCalls).toBe(1);
		const second = prefetch.client.listImportJobs(scope);
		expect(fake.listCalls).toBe(2);
		fake.answerList([]);
		expect(await second).toEqual({ok: true, value: []});
	});

	test('takeReady: nothing before the answer; then the answer as a first poll, handed out once', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		expect(prefetch.takeReady()).toBeUndefined();
		fake.answerList(jobs);
		await tick();
		expect(prefetch.takeReady()).toEqual({
			type: 'poll-ok', at, scope, jobs,
		});
		expect(prefetch.takeReady()).toBeUndefined();
		void prefetch.client.listImportJobs(scope);
		expect(fake.listCalls).toBe(2); // The screen started with it; its next poll asks the server.
	});

	test('a failed answer is not taken: the first poll gets it, as the server sent it', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		fake.failList({kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated'});
		await tick();
		expect(prefetch.takeReady()).toBeUndefined();
		expect(await prefetch.client.listImportJobs(scope)).toMatchObject({ok: false, error: {kind: 'unauthorized'}});
		expect(fake.listCalls).toBe(1);
	});

	test('a first call for another scope cancels the prefetch and asks the server', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		const prefetched = fake.lists[0]!;
		const other = prefetch.client.listImportJobs({dbName: 'default'});
		expect(prefetched.signal?.aborted).toBe(true);
		expect(fake.listCalls).toBe(2);
		fake.answerList(jobs);
		expect(await other).toEqual({ok: true, value: jobs});
		expect(prefetch.takeReady()).toBeUndefined();
	});

	test('the caller\'s abort settles its call as aborted', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		const controller = new AbortController();
		const first = prefetch.client.listImportJobs({...scope, signal: controller.signal});
		controller.abort();
		expect(await first).toEqual({ok: false, error: {kind: 'aborted'}});
	});

	test('the other calls go straight to the client', async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		const collections = prefetch.client.listCollections('analytics');
		fake.answerCollections(['books']);
		expect(await collections).toEqual({ok: true, value: ['books']});
		expect(fake.collections).toHaveLength(0);
	});
});

/** Whether `ref`'s target survives a full collection (after the current job: a WeakRef holds its target until then). */
const survives = async (ref: WeakRef<readonly Job[]>): Promise<boolean> => {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	collectNow(); // V8's full collection (young-generation.test.ts shows it collects)
	return ref.deref() !== undefined;
};

describe('prefetchFirstList lets the first answer go once handed out', () => {
	const answered = async () => {
		const fake = createFakeClient();
		const prefetch = prefetchFirstList(fake.client, scope, () => at);
		const answer = [job('1', 'Importing', 40)];
		fake.answerList(answer);
		await tick();
		return {prefetch, ref: new WeakRef(answer)};
	};

	test('taken as the first poll', async () => {
		const {prefetch, ref} = await answered();
		expect(prefetch.takeReady()).toBeDefined();
		expect(await survives(ref)).toBe(false);
	});

	test('taken by the first list call', async () => {
		const {prefetch, ref} = await answered();
		const ok = await prefetch.client.listImportJobs(scope).then(result => result.ok); // Not the answer itself: the test would hold it.
		expect(ok).toBe(true);
		expect(await survives(ref)).toBe(false);
	});

	test('held while not yet handed out (the check can fail)', async () => {
		const {prefetch, ref} = await answered();
		expect(await survives(ref)).toBe(true);
		expect(prefetch.takeReady()).toBeDefined();
	});
});
