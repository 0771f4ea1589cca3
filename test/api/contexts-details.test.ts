import {
	afterEach, expect, test, vi,
} from 'vitest';
import {createMilvusClient} from '../../source/api/client.js';
import {createContextsHub, type ContextsHub} from '../../source/api/contexts-hub.js';
import {createDetailFetcher, type DetailFetcher, type JobFacts} from '../../source/api/detail-fetcher.js';
import {describeError} from '../../source/api/errors.js';
import {classifyFailure} from '../../source/api/retry-policy.js';
import type {ApiError, ImportClient, Result} from '../../source/api/types.js';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {JobDetail} from '../../source/model/jobs/job.js';

/**
The background detail fetcher over several contexts: each context's server is its own. A server without
describe (Milvus < 2.4.13), or one that is down, stops only its own rows' requests; a job of no context is
settled at once.
*/

const detail = (jobId: string, progress: number): JobDetail => ({
	jobId, collectionName: 'books', state: 'Importing', progress, reason: '', importedRows: 0, totalRows: 0, fileSize: 0, createTime: '', completeTime: '', files: [],
});

let fetcher: DetailFetcher | undefined;
let hub: ContextsHub | undefined;
const demos: DemoServer[] = [];
afterEach(async () => {
	fetcher?.stop();
	fetcher = undefined;
	hub?.close();
	hub = undefined;
	await Promise.all(demos.splice(0).map(async demo => demo.close()));
});

const settleSoon = async (ms = 80): Promise<void> => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** A client answering every describe at once with `answer(jobId)`; `hasDescribe` as given; the ids asked, in order. */
const scripted = (answer: (jobId: string) => Result<JobDetail>, hasDescribe: () => boolean | undefined = () => true) => {
	const asked: string[] = [];
	const client: ImportClient = {
		hasDescribe,
		async describeImportJob(jobId) {
			asked.push(jobId);
			return answer(jobId);
		},
		listImportJobs: async () => ({ok: true, value: []}),
		listCollections: async () => ({ok: true, value: []}),
		listDatabases: async () => ({ok: true, value: []}),
	};
	return {client, asked};
};

const run = (client: ImportClient, facts: JobFacts[] = []): DetailFetcher => {
	fetcher = createDetailFetcher({
		client, maxAgeMs: 0, perSecond: 1000, flushMs: 0, onFacts(batch) {
			facts.push(...batch);
		},
	});
	return fetcher;
};

test('one context\'s server without describe stops only its own rows: the other context\'s rows are still asked', async () => {
	let oldProbed = false;
	const asked: string[] = [];
	// Like the hub over a Milvus 2.4.0 context and a 2.5 one: each job's own server says whether it has describe.
	const client: ImportClient = {
		...scripted(() => ({ok: true, value: detail('x', 1)})).client,
		hasDescribe: jobId => (jobId?.startsWith('old/') === true ? (oldProbed ? false : undefined) : true),
		async describeImportJob(jobId) {
			asked.push(jobId);
			if (jobId.startsWith('old/')) {
				oldProbed = true;
			}

			return {ok: true, value: detail(jobId, 50)};
		},
	};
	run(client).want([
		{jobId: 'old/1', need: 'progress', context: 'old'},
		{jobId: 'new/1', need: 'progress', context: 'new'},
		{jobId: 'old/2', need: 'progress', context: 'old'},
	]);
	await vi.waitFor(() => {
		expect(asked.filter(id => id === 'new/1').length).toBeGreaterThanOrEqual(3);
	});
	// Old's first answer showed it has no describe: none of its rows asked again; new's row goes on.
	expect(asked.filter(id => id.startsWith('old/'))).toEqual(['old/1']);
});

test('a 404 (not-supported) from one context switches off only that context', async () => {
	const {client, asked} = scripted(jobId => jobId.startsWith('a/')
		? {ok: false, error: {kind: 'not-supported', endpoint: '/v2/vectordb/jobs/import/describe'}}
		: {ok: true, value: detail(jobId, 10)});
	run(client).want([{jobId: 'a/1', need: 'progress', context: 'a'}, {jobId: 'a/2', need: 'progress', context: 'a'}, {jobId: 'b/1', need: 'progress', context: 'b'}]);
	await vi.waitFor(() => {
		expect(asked.filter(id => id === 'b/1').length).toBeGreaterThanOrEqual(3);
	});
	expect(asked.filter(id => id.startsWith('a/'))).toEqual(['a/1']);
});

test('a context that is down pauses only its own rows; the other context is asked meanwhile', async () => {
	const down: ApiError = {kind: 'unreachable', detail: '127.0.0.1:1'};
	const {client, asked} = scripted(jobId => jobId.startsWith('down/') ? {ok: false, error: down} : {ok: true, value: detail(jobId, 10)});
	run(client).want([{jobId: 'down/1', need: 'progress', context: 'down'}, {jobId: 'up/1', need: 'progress', context: 'up'}]);
	await vi.waitFor(() => {
		expect(asked.filter(id => id === 'up/1').length).toBeGreaterThanOrEqual(5);
	});
	// The down one is paused (1 s after its first failure): asked once in this time, not at each turn.
	expect(asked.filter(id => id === 'down/1')).toEqual(['down/1']);
});

test('a job of no known context: a clear terminal error, asked once, never retried, and nobody else paused', async () => {
	const one = createContextsHub([{
		name: 'a', uri: 'http://a', client: scripted(jobId => ({ok: true, value: detail(jobId, 30)})).client, collections: [], intervalMs: 60_000,
	}], () => Date.now());
	hub = one;
	const result = await one.client.describeImportJob('gone/7');
	expect(result).toEqual({ok: false, error: {kind: 'unknown-context', jobId: 'gone/7'}});
	expect(result.ok ? '' : describeError(result.error)).toBe('job gone/7 belongs to no context of this session (nothing was asked)');
	expect(result.ok ? undefined : classifyFailure(result.error)).toBe('hopeless');

	const asked: string[] = [];
	const facts: JobFacts[] = [];
	const client: ImportClient = {
		...one.client,
		async describeImportJob(jobId, options) {
			asked.push(jobId);
			return one.client.describeImportJob(jobId, options);
		},
	};
	run(client, facts).want([{jobId: 'gone/7', need: 'progress', context: 'gone'}, {jobId: 'a/1', need: 'progress', context: 'a'}]);
	await vi.waitFor(() => {
		expect(asked.filter(id => id === 'a/1').length).toBeGreaterThanOrEqual(3);
	});
	expect(asked.filter(id => id === 'gone/7')).toEqual(['gone/7']);
	expect(facts.some(one => one.jobId === 'a/1' && one.progress === 30)).toBe(true);
});

test('the hub over a real Milvus 2.4.0 and a 2.5: describe availability is each context\'s own', async () => {
	const start = async (flavor: '2.4.0' | '2.5'): Promise<DemoServer> => {
		const demo = await startDemoServer({
			port: 0, flavor, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000,
		});
		demos.push(demo);
		return demo;
	};

	const old = await start('2.4.0');
	const current = await start('2.5');
	const server = (name: string, demo: DemoServer) => ({
		name, uri: demo.url, client: createMilvusClient({uri: demo.url, timeoutMs: 2000}), collections: [], intervalMs: 60_000,
	});
	hub = createContextsHub([server('old', old), server('new', current)], () => Date.now());
	const listed = await hub.client.listImportJobs({});
	expect(listed.ok).toBe(true);
	const jobs = listed.ok ? listed.value : [];
	const running = (name: string) => jobs.filter(job => job.context === name && job.state !== 'Completed' && job.state !== 'Failed').slice(0, 2);
	expect(running('old').length).toBe(2);
	expect(running('new').length).toBe(2);
	const describes = (demo: DemoServer): string[] => demo.requests().map(entry => entry.path).filter(path => /describe|get_progress/v.test(path));
	expect(hub.client.hasDescribe?.(running('old')[0]!.jobId)).toBeUndefined(); // Not tried yet.
	run(hub.client).want([...running('old'), ...running('new')].map(job => ({jobId: job.jobId, need: 'progress' as const, context: job.context})));
	await vi.waitFor(() => {
		expect(describes(current).length).toBeGreaterThanOrEqual(6);
	}, {timeout: 5000});
	// 2.4.0: one describe (404), its fallback get_progress, then nothing; 2.5 is asked round after round.
	expect(describes(old)).toEqual(['/v2/vectordb/jobs/import/describe', '/v2/vectordb/jobs/import/get_progress']);
	expect(hub.client.hasDescribe?.(running('old')[0]!.jobId)).toBe(false);
	expect(hub.client.hasDescribe?.(running('new')[0]!.jobId)).toBe(true);
	await settleSoon();
	expect(describes(old)).toHaveLength(2);
});

test('each context\'s server version is asked of its own server; a client that cannot tell (Zilliz Cloud) says nothing', async () => {
	const start = async (flavor: '2.4.0' | '2.5'): Promise<DemoServer> => {
		const demo = await startDemoServer({port: 0, flavor, tickMs: 0});
		demos.push(demo);
		return demo;
	};

	const old = await start('2.4.0');
	const current = await start('2.5');
	const server = (name: string, client: ImportClient) => ({
		name, uri: 'http://x', client, collections: [], intervalMs: 60_000,
	});
	hub = createContextsHub([
		server('old', createMilvusClient({uri: old.url, timeoutMs: 2000})),
		server('new', createMilvusClient({uri: current.url, timeoutMs: 2000})),
		server('cloud', scripted(jobId => ({ok: true, value: detail(jobId, 1)})).client),
	], () => Date.now());
	expect(await Promise.all(['old', 'new', 'cloud', 'nobody'].map(async name => hub!.detectVersion(name)))).toEqual(['2.4.0', '2.5', undefined, undefined]);
});
