import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {createCloudClient} from '../../source/api/cloud-client.js';
import {createDetailFetcher, type DetailFetcher, type JobFacts} from '../../source/api/detail-fetcher.js';
import type {JobDetail} from '../../source/model/jobs/job.js';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {demoApiKey, demoClusterId} from '../../source/demo/cloud/identity.js';
import {cloudPaths} from '../../source/demo/cloud/routes.js';
import {seededRandom} from '../../source/demo/rng.js';
import {createFakeClient} from '../helpers/fake-client.js';

const detail = (jobId: string, state: string, progress: number, more: Partial<JobDetail> = {}): JobDetail => ({
	jobId, collectionName: 'books', state, progress, reason: '', importedRows: 0, totalRows: 0, fileSize: 0, createTime: '', completeTime: '', files: [], ...more,
});

let fetcher: DetailFetcher | undefined;
let server: DemoServer | undefined;
afterEach(async () => {
	fetcher?.stop();
	fetcher = undefined;
	await server?.close();
	server = undefined;
});

const start = (maxAgeMs = 60_000) => {
	const fake = createFakeClient({hasDescribe: true});
	const facts: JobFacts[] = [];
	fetcher = createDetailFetcher({
		client: fake.client, maxAgeMs, perSecond: 1000, flushMs: 0, onFacts(batch) {
			facts.push(...batch);
		},
	});
	return {fake, facts, fetcher};
};

describe('order and caching', () => {
	test('jobs the server no longer has are forgotten past maxKnown, like fetched ones', async () => {
		const fake = createFakeClient({hasDescribe: true});
		fetcher = createDetailFetcher({
			client: fake.client, maxAgeMs: 60_000, perSecond: 1000, flushMs: 0, maxKnown: 2, onFacts: () => undefined,
		});
		const gone = {kind: 'milvus', code: 2100, message: 'import job does not exist'} as const;
		for (const id of ['a', 'b', 'c', 'd']) {
			fetcher.want([{jobId: id, need: 'progress'}]);
			// eslint-disable-next-line no-await-in-loop
			await vi.waitFor(() => {
				expect(fake.describes.map(pending => pending.jobId)).toEqual([id]);
			});
			fake.failDescribe(gone);
		}

		// Each was settled (never to be asked again); past two, the ones no longer wanted are forgotten.
		fetcher.want([{jobId: 'e', need: 'progress'}]);
		await vi.waitFor(() => {
			expect(fake.describes.map(pending => pending.jobId)).toEqual(['e']);
		});
		fake.failDescribe(gone);
		fetcher.want([{jobId: 'a', need: 'progress'}]);
		await vi.waitFor(() => {
			expect(fake.describes.map(pending => pending.jobId)).toEqual(['a']);
		});
	});

	test('one request at a time, in the order wanted (visible rows first)', async () => {
		const {fake, fetcher} = start();
		fetcher.want([{jobId: 'b', need: 'progress'}, {jobId: 'a', need: 'progress'}, {jobId: 'c', need: 'times'}]);
		for (const id of ['b', 'a', 'c']) {
			// eslint-disable-next-line no-await-in-loop
			await vi.waitFor(() => {
				expect(fake.describes.map(pending => pending.jobId)).toEqual([id]);
			});
			fake.answerDescribe(detail(id, 'Importing', 10));
		}
	});

	test('a finished job is asked once, for good; times are parsed', async () => {
		const {fake, facts, fetcher} = start(0);
		fetcher.want([{jobId: 'a', need: 'progress'}]);
		await vi.waitFor(() => {
			expect(fake.describes).toHaveLength(1);
		});
		fake.answerDescribe(detail('a', 'Completed', 100, {createTime: '2026-05-02T10:11:12+08:00', completeTime: '2026-05-02T03:00:00Z'}));
		await vi.waitFor(() => {
			expect(facts).toHaveLength(1);
		});
		expect(facts[0]).toMatchObject({
			jobId: 'a', state: 'Completed', progress: 100, createdAt: Date.UTC(2026, 4, 2, 2, 11, 12), completedAt: Date.UTC(2026, 4, 2, 3),
		});
		fetcher.want([{jobId: 'a', need: 'progress'}, {jobId: 'a', need: 'times'}]);
		fetcher.want([{jobId: 'b', need: 'times'}]);
		await vi.waitFor(() => {
			expect(fake.describes.map(pending => pending.jobId)).toEqual(['b']);
		});
	});

	test('running progress is asked again once older than maxAge; times of a running job only once', async () => {
		const {fake, fetcher} = start(30);
		fetcher.want([{jobId: 't', need: 'times'}, {jobId: 'p', need: 'progress'}]);
		await vi.waitFor(() => {
			expect(fake.describes).toHaveLength(1);
		});
		fake.answerDescribe(detail('t', 'Importing', 10));
		await vi.waitFor(() => {
			expect(fake.describes).toHaveLength(1);
		});
		fake.answerDescribe(detail('p', 'Importing', 20));
		await vi.waitFor(() => {
			expect(fake.describes.map(pending => pending.jobId)).toEqual(['p']);
		});
	});

	test('rows on screen and the rest take turns; the rest go round-robin, none starves', async () => {
		const {fake, fetcher} = start(0);
		fetcher.want(['v', 'r1', 'r2', 'r3'].map(jobId => ({jobId, need: 'progress' as const})), 1);
		const asked: string[] = [];
		for (let index = 0; index < 8; index++) {
			// eslint-disable-next-line no-await-in-loop
			await vi.waitFor(() => {
				expect(fake.describes).toHaveLength(1);
			});
			const {jobId} = fake.describes[0]!;
			asked.push(jobId!);
			fake.answerDescribe(detail(jobId!, 'Importing', index));
		}

		// Never asked first (in order), then whichever was asked longest ago; screen and rest alternate once both have work.
		expect(asked).toEqual(['v', 'r1', 'v', 'r2', 'v', 'r3', 'v', 'r1']);
	});

	test('a server without describe (Milvus < 2.4.13) is asked nothing more once the first answer shows it', async () => {
		const fake = createFakeClient();
		let probed = false;
		const counted: string[] = [];
		fetcher = createDetailFetcher({
			client: {
				...fake.client,
				// Like the Milvus client: unknown until describe was tried, then false after its 404.
				hasDescribe: () => (probed ? false : undefined),
				async describeImportJob(jobId, options) {
					counted.push(jobId);
					probed = true;
					return fake.client.describeImportJob(jobId, options);
				},
			},
			maxAgeMs: 0,
			onFacts: () => undefined,
		});
		expect(fetcher.idle()).toBe(false);
		fetcher.want([{jobId: 'a', need: 'progress'}, {jobId: 'b', need: 'progress'}]);
		await vi.waitFor(() => {
			expect(fake.describes).toHaveLength(1);
		});
		fake.answerDescribe(detail('a', 'Importing', 40));
		await vi.waitFor(() => {
			expect(fetcher!.idle()).toBe(true); // The screen then stops building its work list
		});
		fetcher.want([{jobId: 'b', need: 'progress'}]);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(counted).toEqual(['a']);
	});

	test('a client that says at once it has no describe is asked nothing', async () => {
		const fake = createFakeClient({hasDescribe: false});
		fetcher = createDetailFetcher({client: fake.client, maxAgeMs: 0, onFacts: () => undefined});
		fetcher.want([{jobId: 'a', need: 'times'}]);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
		expect(fake.describes).toHaveLength(0);
	});
});

describe('against the cloud demo', () => {
	test('fewer than 10 getProgress a second (half Zilliz\' limit), the server\'s log says; visible rows come first', async () => {
		server = await startDemoServer({
			flavor: 'cloud', seed: 'none', tickMs: 0, bulkJobs: 60, random: seededRandom(11),
		});
		const client = createCloudClient({
			endpoint: server.url, target: {clusterId: demoClusterId}, token: demoApiKey, timeoutMs: 5000,
		});
		const list = await client.listImportJobs();
		const ids = list.ok ? list.value.map(job => job.jobId) : [];
		expect(ids.length).toBe(60);
		const facts: JobFacts[] = [];
		fetcher = createDetailFetcher({
			client, maxAgeMs: 60_000, flushMs: 0, onFacts(batch) {
				facts.push(...batch);
			},
		});
		const visible = ids.slice(40, 50);
		fetcher.want([...visible, ...ids.filter(id => !visible.includes(id))].map(jobId => ({jobId, need: 'progress' as const})));
		await vi.waitFor(() => {
			expect(facts.length).toBeGreaterThanOrEqual(15);
		}, {timeout: 10_000});
		expect(facts.slice(0, 10).map(fact => fact.jobId)).toEqual(visible);
		const starts = server.requests().filter(entry => entry.path === cloudPaths.getProgress).map(entry => entry.at);
		const busiest = Math.max(...starts.map(at => starts.filter(other => other >= at && other < at + 1000).length));
		expect(busiest).toBeLessThan(10);
		expect(server.requests().every(entry => entry.status === 200)).toBe(true);
	});
});
