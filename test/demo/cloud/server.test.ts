import {
	afterEach, describe, expect, test,
} from 'vitest';
import {startDemoServer, type DemoServer} from '../../../source/demo/index.js';
import {
	demoApiKey, demoClusterId, demoProjectId, demoRegionId,
} from '../../../source/demo/cloud/identity.js';
import {cloudPaths} from '../../../source/demo/cloud/routes.js';
import {seededRandom} from '../../../source/demo/rng.js';

/** The control-plane flavour, over HTTP: what a Zilliz Cloud client meets (docs/zilliz-cloud.md). */

let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

type Answer = {readonly status: number; readonly retryAfter: string | undefined; readonly body: {readonly code: number; readonly message?: string; readonly data?: Record<string, unknown>}};

const post = async (path: string, body: unknown, key = demoApiKey): Promise<Answer> => {
	const response = await fetch(server!.url + path, {method: 'POST', headers: {Authorization: `Bearer ${key}`}, body: JSON.stringify(body)});
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the test's claim about the server's shape
	return {status: response.status, retryAfter: response.headers.get('retry-after') ?? undefined, body: await response.json() as Answer['body']};
};

const answerOf = async (path: string, body: unknown, key = demoApiKey): Promise<Answer['body'] & {readonly status: number}> => {
	const answer = await post(path, body, key);
	return {...answer.body, status: answer.status};
};

const startCloud = async (bulkJobs = 0, clock?: () => number) => startDemoServer({
	flavor: 'cloud', seed: 'demo', tickMs: 0, bulkJobs, random: seededRandom(7), clock,
});

describe('list', () => {
	test('pages of job-… ids with no progress; count is the total', async () => {
		server = await startCloud(230);
		const first = await post(cloudPaths.list, {clusterId: demoClusterId, pageSize: 100, currentPage: 1});
		expect(first.body.code).toBe(0);
		const data = first.body.data!;
		expect(data['count']).toBeGreaterThanOrEqual(230);
		const records = data['records'] as ReadonlyArray<Record<string, unknown>>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		expect(records).toHaveLength(100);
		expect(records.every(record => /^job-[\da-z]{21}$/v.test(String(record['jobId'])) && !('progress' in record))).toBe(true);
		const third = await post(cloudPaths.list, {clusterId: demoClusterId, pageSize: 100, currentPage: 3});
		const rest = third.body.data!['records'] as readonly unknown[]; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		expect(rest.length).toBe(Number(data['count']) - 200);
	});

	test('page size and page number out of range: 96008 and 96009', async () => {
		server = await startCloud();
		expect(await answerOf(cloudPaths.list, {clusterId: demoClusterId, pageSize: 101})).toMatchObject({code: 96_008});
		expect(await answerOf(cloudPaths.list, {clusterId: demoClusterId, currentPage: 0})).toMatchObject({code: 96_009});
	});

	test('a project database is found by projectId + regionId', async () => {
		server = await startCloud();
		expect(await answerOf(cloudPaths.list, {projectId: demoProjectId, regionId: demoRegionId})).toMatchObject({code: 0});
		expect(await answerOf(cloudPaths.list, {projectId: 'proj-other', regionId: demoRegionId})).toMatchObject({code: 96_005});
		expect(await answerOf(cloudPaths.list, {projectId: demoProjectId, regionId: 'mars-1'})).toMatchObject({code: 96_001});
	});
});

describe('getProgress and describe', () => {
	test('progress, state and completeTime of a listed job; no createTime', async () => {
		server = await startCloud();
		const list = await post(cloudPaths.list, {clusterId: demoClusterId, pageSize: 100});
		const records = list.body.data!['records'] as ReadonlyArray<{readonly jobId: string; readonly state: string}>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		const completed = records.find(record => record.state === 'Completed')!;
		for (const path of [cloudPaths.getProgress, cloudPaths.describe]) {
			// eslint-disable-next-line no-await-in-loop
			const answer = await post(path, {clusterId: demoClusterId, jobId: completed.jobId});
			expect(answer.body.data).toMatchObject({
				jobId: completed.jobId, state: 'Completed', progress: 100, reason: '',
			});
			expect(String(answer.body.data!['completeTime'])).toMatch(/^\d{4}-\d\d-\d\dT/v);
			expect(answer.body.data).not.toHaveProperty('createTime');
		}
	});
});

describe('refusals', () => {
	test('a wrong API key: code 21119', async () => {
		server = await startCloud();
		expect(await answerOf(cloudPaths.list, {clusterId: demoClusterId}, 'wrong')).toMatchObject({status: 200, code: 21_119, message: 'The apikey is illegal.'});
	});

	test('an unknown cluster: code 96017', async () => {
		server = await startCloud();
		expect(await answerOf(cloudPaths.list, {clusterId: 'in01-nope'})).toMatchObject({code: 96_017});
	});

	test('past 20 requests in a second on one endpoint: HTTP 429 with Retry-After; other endpoints still answer', async () => {
		const now = Date.now();
		server = await startCloud(0, () => now); // One instant: the test's speed cannot spread the burst.
		const answers = await Promise.all(Array.from({length: 25}, async () => post(cloudPaths.list, {clusterId: demoClusterId})));
		expect(answers.filter(answer => answer.status === 200)).toHaveLength(20);
		const refused = answers.filter(answer => answer.status === 429);
		expect(refused).toHaveLength(5);
		expect(refused[0]!.retryAfter).toBe('1');
		expect(await answerOf(cloudPaths.getProgress, {clusterId: demoClusterId, jobId: 'job-x'})).toMatchObject({status: 200});
		expect(server.requests().filter(entry => entry.status === 429)).toHaveLength(5);
	});
});
