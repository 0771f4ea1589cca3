import {
	afterEach, describe, expect, test,
} from 'vitest';
import {createCloudClient, cloudEndpoints} from '../../source/api/cloud-client.js';
import {describeError} from '../../source/api/errors.js';
import {
	sendJson, sendText, startScriptedServer, type ScriptedServer, type SeenRequest,
} from '../helpers/http-server.js';

type Reply = {readonly status?: number; readonly json?: unknown; readonly text?: string};

/** Each test answers with a function of the request; every request's arrival time is kept for the rate-limit test. */
const start = async (reply: (request: SeenRequest) => Reply): Promise<ScriptedServer> => startScriptedServer((request, response) => {
	arrivals.push(performance.now());
	const answer = reply(request);
	if (answer.text === undefined) {
		sendJson(response, answer.json, answer.status);
	} else {
		sendText(response, answer.text, answer.status ?? 200);
	}
});

let arrivals: number[] = [];

const bodyOf = (request: SeenRequest): unknown => JSON.parse(request.body);

const bodyField = (request: SeenRequest, key: string): unknown => {
	const body = bodyOf(request);
	return typeof body === 'object' && body !== null ? Object.getOwnPropertyDescriptor(body, key)?.value as unknown : undefined;
};

let server: ScriptedServer | undefined;
afterEach(async () => {
	arrivals = [];
	await server?.close();
	server = undefined;
});

const records = (from: number, count: number) => Array.from({length: count}, (_, index) => ({
	jobId: `job-${String(from + index).padStart(5, '0')}`,
	collectionName: (from + index) % 2 === 0 ? 'books' : 'movies',
	state: 'Importing',
	...((from + index) % 3 === 0 ? {} : {progress: 50}), // The docs' example records have no progress.
}));

const pageOf = (request: SeenRequest): number => Number(bodyField(request, 'currentPage'));

/** A cloud list of `total` jobs, paged as Zilliz does; `count` is the total. */
const pagedList = (total: number) => (request: SeenRequest) => {
	const currentPage = pageOf(request);
	const pageSize = Number(bodyField(request, 'pageSize'));
	const start = (currentPage - 1) * pageSize;
	const size = Math.max(0, Math.min(pageSize, total - start));
	return {
		json: {
			code: 0, data: {
				count: total, currentPage, pageSize, records: records(start, size),
			},
		},
	};
};

const client = (url: string, extra: Partial<Parameters<typeof createCloudClient>[0]> = {}) => createCloudClient({
	endpoint: url, target: {clusterId: 'in01-test'}, token: 'secret-api-key', timeoutMs: 2000, perSecond: 1000, ...extra,
});

const bodies = (requests: readonly SeenRequest[]) => requests.map(request => bodyOf(request));

describe('list pagination', () => {
	test('walks every page and stops at the total', async () => {
		server = await start(pagedList(250));
		const result = await client(server.url).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(250);
		expect(bodies(server.requests)).toEqual([1, 2, 3].map(currentPage => ({clusterId: 'in01-test', pageSize: 100, currentPage})));
		expect(server.requests.every(request => request.path === cloudEndpoints.list)).toBe(true);
		expect(server.requests[0]!.headers.authorization).toBe('Bearer secret-api-key');
	});

	test('exactly one full page: one request, because count says so', async () => {
		server = await start(pagedList(100));
		const result = await client(server.url).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(100);
		expect(server.requests).toHaveLength(1);
	});

	test('without count, stops at the first short page', async () => {
		server = await start(request => {
			const page = pageOf(request);
			return {json: {code: 0, data: {records: records((page - 1) * 100, page < 3 ? 100 : 7)}}};
		});
		const result = await client(server.url).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(207);
		expect(server.requests).toHaveLength(3);
	});

	test('a server that always sends full pages is cut off at the page cap', async () => {
		server = await start(request => {
			const page = pageOf(request);
			return {json: {code: 0, data: {count: 1_000_000, records: records((page - 1) * 10, 10)}}};
		});
		const result = await client(server.url, {pageSize: 10, maxPages: 4}).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(40);
		expect(server.requests).toHaveLength(4);
	});

	test('ids seen on two pages (a job created mid-walk) are kept once; progress may be missing', async () => {
		server = await start(request => {
			const page = pageOf(request);
			return {json: {code: 0, data: {count: 4, records: page === 1 ? records(0, 2) : records(1, 2)}}};
		});
		const result = await client(server.url, {pageSize: 2}).listImportJobs();
		expect(result.ok ? result.value.map(job => [job.jobId, job.progress]) : []).toEqual([['job-00000', undefined], ['job-00001', 50], ['job-00002', 50]]);
	});

	test('collectionName filters client-side; dbName goes in the body', async () => {
		server = await start(pagedList(10));
		const result = await client(server.url, {dbName: 'sales'}).listImportJobs({collectionName: 'books'});
		expect(result.ok ? result.value.map(job => job.collectionName) : []).toEqual(Array.from({length: 5}, () => 'books'));
		expect(bodyOf(server.requests[0]!)).toEqual({
			clusterId: 'in01-test', pageSize: 100, currentPage: 1, dbName: 'sales',
		});
	});

	test('an error on a later page fails the whole list, with the key redacted', async () => {
		server = await start(request => {
			const page = pageOf(request);
			return page === 1
				? {json: {code: 0, data: {count: 300, records: records(0, 100)}}}
				: {json: {code: 2100, message: 'import failed: secret-api-key'}};
		});
		const result = await client(server.url).listImportJobs();
		expect(result).toEqual({ok: false, error: {kind: 'milvus', code: 2100, message: 'import failed: ***'}});
	});

	test('code 1800 in an HTTP 200 envelope is unauthorized too, with the key redacted', async () => {
		server = await start(() => ({json: {code: 1800, message: 'user hasn\'t authenticated: secret-api-key'}}));
		const result = await client(server.url).listImportJobs();
		expect(result).toEqual({
			ok: false, error: {
				kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated: ***', inEnvelope: true, credential: {what: 'Zilliz Cloud API key', source: 'MILVUS_TOKEN / --token-file / --token'},
			},
		});
	});

	test('HTTP 401 is unauthorized', async () => {
		server = await start(() => ({status: 401, json: {code: 80_001, message: 'invalid token'}}));
		const result = await client(server.url).listImportJobs();
		expect(result.ok ? undefined : result.error.kind).toBe('unauthorized');
	});
});

describe('rate limit', () => {
	test('stays under the per-endpoint limit while paginating', async () => {
		server = await start(pagedList(600));
		// The limiter decides when the client sends; the times are taken there, not at the server's end,
		// where a slow first connection (undici compiling its parser on a loaded machine) would shift them.
		const times: number[] = [];
		const sendingFetch: typeof fetch = async (input, init) => {
			times.push(performance.now());
			return fetch(input, init);
		};

		const result = await client(server.url, {pageSize: 100, perSecond: 3, fetch: sendingFetch}).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(600);
		expect(times).toHaveLength(6);
		expect(arrivals).toHaveLength(6);
		for (let index = 3; index < times.length; index++) {
			// Any 3 consecutive starts span at least ~1 s (a little slack for timer granularity).
			expect(times[index]! - times[index - 3]!).toBeGreaterThanOrEqual(950);
		}
	});
});

describe('describe', () => {
	const detail = {
		code: 0, data: {
			jobId: 'job-1', collectionName: 'books', state: 'Completed', progress: 100, reason: '', totalRows: 10, details: [],
		},
	};

	test('uses getProgress with the cluster id', async () => {
		server = await start(() => ({json: detail}));
		const result = await client(server.url).describeImportJob('job-1');
		expect(result.ok && result.value.state).toBe('Completed');
		expect(server.requests.map(request => [request.path, bodyOf(request)])).toEqual([[cloudEndpoints.getProgress, {clusterId: 'in01-test', jobId: 'job-1'}]]);
	});

	test('falls back to describe on 404 and remembers it', async () => {
		server = await start(request => request.path === cloudEndpoints.getProgress ? {status: 404, text: '404 page not found'} : {json: detail});
		const cloud = client(server.url);
		const first = await cloud.describeImportJob('job-1');
		const second = await cloud.describeImportJob('job-1');
		expect([first.ok, second.ok]).toEqual([true, true]);
		expect(server.requests.map(request => request.path)).toEqual([cloudEndpoints.getProgress, cloudEndpoints.describe, cloudEndpoints.describe]);
	});
});

test('collections and databases are not supported on the control plane', async () => {
	const cloud = client('http://127.0.0.1:9');
	const collections = await cloud.listCollections();
	expect(collections.ok).toBe(false);
	expect(await cloud.listDatabases()).toMatchObject({ok: false, error: {kind: 'not-supported'}});
});

describe('Zilliz refusals (docs/zilliz-cloud.md)', () => {
	test.each([21_119, 80_001, 80_002])('code %i is a refused API key, named by its source, in one request', async code => {
		server = await start(() => ({json: {code, message: 'The apikey is illegal.'}}));
		const result = await client(server.url, {credentialSource: '--token-file'}).listImportJobs();
		expect(result.ok ? undefined : describeError(result.error)).toBe(`Zilliz Cloud API key refused (code ${code}: The apikey is illegal.) — check the key from --token-file`);
		expect(server.requests).toHaveLength(1);
	});

	test('an unknown cluster is an unknown target with the id echoed, sanitized', async () => {
		server = await start(() => ({json: {code: 96_017, message: 'The specified cluster does not exist.'}}));
		const result = await createCloudClient({
			endpoint: server.url, target: {clusterId: 'in01-\u001B[2Jbad'}, token: 'k', timeoutMs: 2000,
		}).listImportJobs();
		expect(result.ok ? undefined : result.error.kind).toBe('unknown-target');
		const line = result.ok ? '' : describeError(result.error);
		expect(line).toMatch(/^unknown Zilliz Cloud cluster "in01-.*bad" \(code 96017: The specified cluster does not exist\.\) — check --cluster-id$/v);
		expect(line).not.toContain('\u001B');
	});

	test('a project database sends projectId and regionId instead of clusterId', async () => {
		server = await start(pagedList(3));
		await createCloudClient({
			endpoint: server.url, target: {projectId: 'proj-1', regionId: 'aws-us-west-2'}, token: 'k', timeoutMs: 2000,
		}).listImportJobs();
		expect(bodies(server.requests)).toEqual([{
			projectId: 'proj-1', regionId: 'aws-us-west-2', pageSize: 100, currentPage: 1,
		}]);
	});

	test('HTTP 429: waits Retry-After, then the same request once more', async () => {
		let calls = 0;
		server = await startScriptedServer((_request, response) => {
			calls++;
			if (calls === 1) {
				response.writeHead(429, {'Retry-After': '1', 'Content-Type': 'application/json'});
				response.end('{"code":429,"message":"slow down"}');
				return;
			}

			arrivals.push(performance.now());
			sendJson(response, {code: 0, data: {count: 1, records: records(0, 1)}});
		});
		const before = performance.now();
		const result = await client(server.url).listImportJobs();
		expect(result.ok ? result.value.length : -1).toBe(1);
		expect(arrivals[0]! - before).toBeGreaterThanOrEqual(950);
	});
});
