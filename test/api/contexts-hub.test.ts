import {
	afterEach, expect, test, vi,
} from 'vitest';
import {createContextsHub, type ContextsHub} from '../../source/api/contexts-hub.js';
import type {ImportClient, Result} from '../../source/api/types.js';
import type {Job} from '../../source/model/jobs/job.js';

const job = (jobId: string, progress: number): Job => ({
	jobId, collectionName: 'books', state: 'Importing', progress, reason: '',
});

/** A server whose list answers with `answer()` each call; `hang` never answers (until aborted: then nothing, as a cut request). */
const client = (answer: () => Result<readonly Job[]> | 'hang'): ImportClient & {calls: number} => {
	const fake = {
		calls: 0,
		async listImportJobs(options?: {readonly signal?: AbortSignal}) {
			fake.calls++;
			const result = answer();
			if (result === 'hang') {
				return new Promise<Result<readonly Job[]>>(resolve => {
					options?.signal?.addEventListener('abort', () => {
						resolve({ok: false, error: {kind: 'aborted'}});
					});
				});
			}

			return result;
		},
		describeImportJob: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'x'}}) as const,
		listCollections: async () => ({ok: true, value: ['books']}) as const,
		listDatabases: async () => ({ok: true, value: ['default']}) as const,
	};
	return fake;
};

let hub: ContextsHub | undefined;
afterEach(() => {
	hub?.close();
});

test('a cluster that never answers delays nobody past the first answer\'s grace: the other\'s jobs come, keyed context/id', async () => {
	let progress = 10;
	const fast = client(() => ({ok: true, value: [job('7', progress++)]}));
	const slow = client(() => 'hang');
	const down = client(() => ({ok: false, error: {kind: 'unreachable', detail: '127.0.0.1:1'}}));
	hub = createContextsHub([
		{
			name: 'a', uri: 'http://a', client: fast, collections: [], intervalMs: 50,
		},
		{
			name: 'b', uri: 'http://b', client: slow, collections: [], intervalMs: 50,
		},
		{
			name: 'c', uri: 'http://c', client: down, collections: [], intervalMs: 50,
		},
	], () => Date.now(), 100);
	const first = await hub.client.listImportJobs({});
	expect(first.ok && first.value.map(one => [one.jobId, one.context])).toEqual([['a/7', 'a']]);
	// The fast one keeps being polled on its own timer while the slow one's first request still hangs.
	let latest = first;
	for (let round = 0; round < 20 && latest.ok && latest.value[0]!.progress === 10; round++) {
		// eslint-disable-next-line no-await-in-loop -- the screen asks one poll after another
		latest = await hub.client.listImportJobs({});
	}

	expect(latest.ok && latest.value[0]!.progress).toBeGreaterThan(10);
	expect(slow.calls).toBe(1);
	expect(fast.calls).toBeGreaterThanOrEqual(2);
	const statuses = hub.statuses();
	expect(statuses.map(status => [status.name, status.error?.kind, status.lastOkAt === undefined])).toEqual([
		['a', undefined, false],
		['b', undefined, true],
		['c', 'unreachable', true],
	]);
});

test('a scope change cancels every context\'s request in flight and starts them again', async () => {
	const aborted: string[] = [];
	const watching = (name: string): ImportClient => ({
		...client(() => 'hang'),
		async listImportJobs(options) {
			return new Promise(resolve => {
				options?.signal?.addEventListener('abort', () => {
					aborted.push(`${name}:${options.collectionName ?? 'all'}`);
					resolve({ok: false, error: {kind: 'aborted'}});
				});
			});
		},
	});
	hub = createContextsHub([
		{
			name: 'a', uri: 'http://a', client: watching('a'), collections: [], intervalMs: 50,
		},
		{
			name: 'b', uri: 'http://b', client: watching('b'), collections: [], intervalMs: 50,
		},
	], () => Date.now());
	const controller = new AbortController();
	const pending = hub.client.listImportJobs({signal: controller.signal});
	controller.abort();
	expect(await pending).toEqual({ok: false, error: {kind: 'aborted'}});
	const other = new AbortController();
	void hub.client.listImportJobs({collectionName: 'books', signal: other.signal});
	other.abort();
	expect(aborted).toEqual(['a:all', 'b:all']);
});

test('one context shown: its scope restarts only its poller; the other keeps polling, out of the answer but counted', async () => {
	const asked: string[] = [];
	const serving = (name: string): ImportClient => ({
		...client(() => ({ok: true, value: []})),
		async listImportJobs(options) {
			asked.push(`${name}:${options?.dbName ?? '-'}:${options?.collectionName ?? 'all'}`);
			return {ok: true, value: [{...job('7', 50), collectionName: options?.collectionName ?? 'books'}, {...job('8', 100), state: 'Completed'}]};
		},
		listCollections: async () => ({ok: true, value: [`${name}-books`]}),
	});
	hub = createContextsHub([
		{
			name: 'a', uri: 'http://a', client: serving('a'), collections: [], intervalMs: 40,
		},
		{
			name: 'b', uri: 'http://b', client: serving('b'), collections: [], intervalMs: 40,
		},
	], () => Date.now());
	let all = await hub.client.listImportJobs({});
	for (let round = 0; round < 20 && all.ok && all.value.length < 4; round++) {
		// eslint-disable-next-line no-await-in-loop -- the first answer may hold the first context's news only
		all = await hub.client.listImportJobs({});
	}

	expect(all.ok && all.value.map(one => one.jobId).toSorted()).toEqual(['a/7', 'a/8', 'b/7', 'b/8']);
	// b alone, at its collection "movies": b's poller restarts with it, a's is left as it is.
	const bOnly = await hub.client.listImportJobs({context: 'b', collectionName: 'movies'});
	expect(bOnly.ok && bOnly.value.map(one => [one.jobId, one.collectionName])).toEqual([['b/7', 'movies'], ['b/8', 'books']]);
	await new Promise(resolve => {
		setTimeout(resolve, 150);
	});
	expect(asked.filter(entry => entry.startsWith('a:')).every(entry => entry === 'a:-:all')).toBe(true);
	expect(asked.filter(entry => entry.startsWith('a:')).length).toBeGreaterThanOrEqual(3); // Still polled while hidden.
	const statuses = hub.statuses();
	expect(statuses.map(status => [status.name, status.scope.collectionName, status.counts])).toEqual([
		['a', undefined, {
			total: 2, running: 1, completed: 1, failed: 0, progress: 75,
		}],
		['b', 'movies', {
			total: 2, running: 1, completed: 1, failed: 0, progress: 75,
		}],
	]);
	// The pickers: one context's own names, or every context's as context/name.
	expect(await hub.client.listCollections(undefined, {context: 'a'})).toEqual({ok: true, value: ['a-books']});
	expect(await hub.client.listCollections(undefined, {})).toEqual({ok: true, value: ['a/a-books', 'b/b-books']});
	expect(hub.contextOf('b/8')).toEqual({name: 'b', id: '8'});
});

test('the collection picker offers a context with `collections:` only those (and only those its server has)', async () => {
	const listing = (names: readonly string[]): ImportClient => ({...client(() => ({ok: true, value: []})), listCollections: async () => ({ok: true, value: names})});
	hub = createContextsHub([
		{
			name: 'prod', uri: 'http://p', client: listing(['books', 'clicks', 'movies']), collections: ['movies', 'books', 'gone'], intervalMs: 40,
		},
		{
			name: 'dev', uri: 'http://d', client: listing(['scratch', 'books']), collections: [], intervalMs: 40,
		},
	], () => Date.now());
	expect(await hub.client.listCollections(undefined, {context: 'prod'})).toEqual({ok: true, value: ['books', 'movies']});
	expect(await hub.client.listCollections(undefined, {context: 'dev'})).toEqual({ok: true, value: ['scratch', 'books']});
	expect(await hub.client.listCollections(undefined, {})).toEqual({ok: true, value: ['prod/books', 'prod/movies', 'dev/books', 'dev/scratch']});
});

test('the first answer waits (within the grace) for a slower context, so its jobs are not news of a later poll', async () => {
	const slowish: ImportClient = {
		...client(() => ({ok: true, value: []})),
		async listImportJobs() {
			await new Promise(resolve => {
				setTimeout(resolve, 80);
			});
			return {ok: true, value: [job('9', 30)]};
		},
	};
	hub = createContextsHub([
		{
			name: 'fast', uri: 'http://a', client: client(() => ({ok: true, value: [job('1', 10)]})), collections: [], intervalMs: 20,
		},
		{
			name: 'slow', uri: 'http://b', client: slowish, collections: [], intervalMs: 1000,
		},
	], () => Date.now(), 2000);
	const started = Date.now();
	const first = await hub.client.listImportJobs({});
	expect(first.ok && first.value.map(one => one.jobId).toSorted()).toEqual(['fast/1', 'slow/9']);
	expect(Date.now() - started).toBeLessThan(1500); // As soon as both answered, not at the end of the grace.
});

test('refresh polls every shown context at once: the screen gets new answers, not the one it already had', async () => {
	let aProgress = 10;
	let bProgress = 20;
	const a = client(() => ({ok: true, value: [job('7', aProgress++)]}));
	const b = client(() => ({ok: true, value: [job('7', bProgress++)]}));
	const down = client(() => ({ok: false, error: {kind: 'unreachable', detail: '127.0.0.1:1'}}));
	// An interval no test waits for, and a grace no test waits for either: only `refresh` can bring news here.
	hub = createContextsHub([
		{
			name: 'a', uri: 'http://a', client: a, collections: [], intervalMs: 600_000,
		},
		{
			name: 'b', uri: 'http://b', client: b, collections: [], intervalMs: 600_000,
		},
		{
			name: 'down', uri: 'http://down', client: down, collections: [], intervalMs: 600_000,
		},
	], () => Date.now(), 600_000);
	const progress = (result: Result<readonly Job[]>): string[] => result.ok ? result.value.map(one => `${one.jobId}:${one.progress}`) : [];
	expect(progress(await hub.client.listImportJobs({}))).toEqual(['a/7:10', 'b/7:20']);
	const controller = new AbortController();
	const waiting = hub.client.listImportJobs({signal: controller.signal});
	hub.refresh();
	// Every shown context asked again, the down one too; the answer holds both new lists (the down one's last good: none).
	expect(progress(await waiting)).toEqual(['a/7:11', 'b/7:21']);
	expect([a.calls, b.calls, down.calls]).toEqual([2, 2, 2]);
	hub.refresh();
	expect(progress(await hub.client.listImportJobs({}))).toEqual(['a/7:12', 'b/7:22']);
});

test('refresh with a context hanging: the others\' answers come after the grace, without waiting for it', async () => {
	let progress = 10;
	let hang = false;
	const fast = client(() => ({ok: true, value: [job('7', progress++)]}));
	const slow = client(() => (hang ? 'hang' : {ok: true, value: [job('8', 50)]}));
	hub = createContextsHub([
		{
			name: 'fast', uri: 'http://fast', client: fast, collections: [], intervalMs: 600_000,
		},
		{
			name: 'slow', uri: 'http://slow', client: slow, collections: [], intervalMs: 600_000,
		},
	], () => Date.now(), 100);
	const first = await hub.client.listImportJobs({});
	expect(first.ok && first.value.map(one => one.jobId)).toEqual(['fast/7', 'slow/8']);
	hang = true;
	hub.refresh();
	const next = await hub.client.listImportJobs({});
	// Fast's new list, and slow's last good one (its new request still hangs).
	expect(next.ok && next.value.map(one => `${one.jobId}:${one.progress}`)).toEqual(['fast/7:11', 'slow/8:50']);
	expect([fast.calls, slow.calls]).toEqual([2, 2]);
});

test('refresh while a context\'s request is out: that one is asked once more when it answers', async () => {
	let release: (() => void) | undefined;
	let progress = 10;
	const gated: ImportClient & {calls: number} = {
		...client(() => ({ok: true, value: []})),
		calls: 0,
		async listImportJobs() {
			gated.calls++;
			const value = [job('7', progress++)];
			if (gated.calls === 2) {
				await new Promise<void>(resolve => {
					release = resolve;
				});
			}

			return {ok: true, value};
		},
	};
	hub = createContextsHub([{
		name: 'a', uri: 'http://a', client: gated, collections: [], intervalMs: 600_000,
	}], () => Date.now(), 600_000);
	await hub.client.listImportJobs({});
	hub.refresh(); // Call 2, held.
	await vi.waitFor(() => {
		expect(release).toBeDefined();
	});
	hub.refresh(); // While call 2 is out: once more after it.
	release!();
	const answer = await hub.client.listImportJobs({});
	expect(gated.calls).toBe(3);
	expect(answer.ok && answer.value.map(one => one.progress)).toEqual([12]);
});
