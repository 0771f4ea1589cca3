import {describe, expect, test} from 'vitest';
import {createMilvusClient, endpoints} from '../../source/api/client.js';
import {describeError} from '../../source/api/errors.js';
import type {ApiError, Result} from '../../source/api/types.js';
import {fixture} from '../helpers/fixtures.js';
import {
	closedPortUrl, sendJson, sendText, scriptedServerPerTest, startScriptedServer,
} from '../helpers/http-server.js';

const token = 'root:S3cret-Passw0rd';
const serve = scriptedServerPerTest();

const errorOf = <T>(result: Result<T>): ApiError => {
	if (result.ok) {
		throw new Error('expected a failure');
	}

	return result.error;
};

/** The token must never surface, whatever failed. */
const expectNoToken = (error: ApiError) => {
	const text = JSON.stringify(error) + describeError(error);
	expect(text).not.toContain(token);
	expect(text).not.toContain('S3cret-Passw0rd');
};

test('a Milvus on X11\'s port 6000 (a WHATWG "bad port", which fetch refuses to connect to) is reached', async () => {
	const x11 = await startScriptedServer((_request, response) => {
		sendJson(response, {
			code: 0, data: {
				records: [{
					jobId: '6000', collectionName: 'c', state: 'Importing', progress: 60,
				}],
			},
		});
	}, 6000);
	try {
		const result = await createMilvusClient({uri: x11.url, timeoutMs: 1000}).listImportJobs();
		expect(result).toMatchObject({ok: true, value: [{jobId: '6000', progress: 60}]});
	} finally {
		await x11.close();
	}
});

// Both the default (undici's request through the bundled undici, api/fetch.ts) and Node's own fetch must classify alike.
describe.each([
	['undici (default)', undefined],
	['node fetch', globalThis.fetch],
])('client over %s', (_name, fetchImpl) => {
	const client = (uri: string, extra: {dbName?: string; timeoutMs?: number; token?: string} = {}) =>
		createMilvusClient({
			uri, token, timeoutMs: 1000, fetch: fetchImpl, ...extra,
		});

	test('lists jobs; sends JSON, the bearer token, DB-Name and Request-Timeout', async () => {
		const {url, requests} = await serve((_request, response) => {
			sendJson(response, fixture('list-2.5.json'));
		});
		const result = await client(url + '/', {dbName: 'analytics', timeoutMs: 5000}).listImportJobs({collectionName: 'books'});
		expect(result.ok && result.value.map(job => job.jobId)).toEqual(['454891732197474580', '454891732197474512', '454891732197474601', '454891732197474655']);
		const [request] = requests;
		expect(request).toMatchObject({method: 'POST', path: endpoints.list});
		expect(JSON.parse(request!.body)).toEqual({dbName: 'analytics', collectionName: 'books'});
		expect(request!.headers).toMatchObject({
			'content-type': 'application/json', authorization: `Bearer ${token}`, 'db-name': 'analytics', 'request-timeout': '5',
		});
	});

	test('never an empty body; no Authorization or DB-Name when none is given', async () => {
		const {url, requests} = await serve((_request, response) => {
			sendJson(response, {code: 0, data: ['default']});
		});
		const plain = createMilvusClient({uri: url, timeoutMs: 1000, fetch: fetchImpl});
		await plain.listImportJobs();
		await plain.listDatabases();
		await plain.listCollections();
		expect(requests.map(request => request.body)).toEqual(['{}', '{}', '{}']);
		for (const request of requests) {
			expect(request.headers.authorization).toBeUndefined();
			expect(request.headers['db-name']).toBeUndefined();
		}
	});

	test('connection refused', async () => {
		const uri = await closedPortUrl();
		const error = errorOf(await client(uri).listImportJobs());
		expect(error).toEqual({kind: 'unreachable', detail: `${uri}: connection refused`});
		expect(describeError(error)).toBe(`cannot reach ${uri}: connection refused — is Milvus running? check --uri or try --demo`);
		expectNoToken(error);
	});

	test('DNS failure', async () => {
		const error = errorOf(await client('http://milvus.invalid:19530').listImportJobs());
		expect(error).toMatchObject({kind: 'unreachable', detail: expect.stringMatching(/^http:\/\/milvus\.invalid:19530: host (?:not found|lookup failed) \(DNS\)$/v) as unknown});
	});

	test('a server that never answers is abandoned a little after Request-Timeout', async () => {
		const {url, requests} = await serve(() => undefined);
		const started = performance.now();
		const error = errorOf(await client(url, {timeoutMs: 100}).listImportJobs());
		expect(error).toEqual({kind: 'timeout', afterMs: 100});
		expect(describeError(error)).toContain('no answer within 0.1 s');
		expect(requests[0]!.headers['request-timeout']).toBe('1');
		expect(performance.now() - started).toBeGreaterThanOrEqual(1100);
	});

	test('a body that stalls half-way also times out', async () => {
		const {url} = await serve((_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/json'});
			response.write('{"code":0,"data":{"records":[');
		});
		expect(errorOf(await client(url, {timeoutMs: 100}).listImportJobs())).toEqual({kind: 'timeout', afterMs: 100});
	});

	test('the caller can abort', async () => {
		const {url} = await serve(() => undefined);
		const controller = new AbortController();
		setTimeout(() => {
			controller.abort();
		}, 50);
		expect(errorOf(await client(url).listImportJobs({signal: controller.signal}))).toEqual({kind: 'aborted'});
		expect(errorOf(await client(url).listImportJobs({signal: AbortSignal.abort()}))).toEqual({kind: 'aborted'});
	});

	test('connection reset', async () => {
		const {url} = await serve((_request, response) => {
			response.socket?.destroy();
		});
		const error = errorOf(await client(url).listImportJobs());
		expect(error).toMatchObject({kind: 'unreachable'});
		expect(describeError(error)).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+: /v);
	});

	test('HTTP 503 and 429 carry the server\'s Retry-After (seconds), for the backoff', async () => {
		let status = 503;
		const {url} = await serve((_request, response) => {
			response.writeHead(status, {'Content-Type': status === 503 ? 'text/html' : 'application/json', 'Retry-After': '7'});
			response.end(status === 503 ? '<title>Service Unavailable</title>' : '{"code":429,"message":"rate limited"}');
		});
		expect(errorOf(await client(url).listImportJobs())).toMatchObject({kind: 'not-json', status: 503, retryAfterMs: 7000});
		status = 429;
		expect(errorOf(await client(url).listImportJobs())).toMatchObject({kind: 'http', status: 429, retryAfterMs: 7000});
	});

	test('a refusal names where the credential came from; with none sent, says one is needed', async () => {
		const {url} = await serve((_request, response) => {
			sendJson(response, fixture('error-1800.json'), 401);
		});
		const fromUser = errorOf(await createMilvusClient({
			uri: url, token, timeoutMs: 1000, fetch: fetchImpl, credentialSource: '--user root with --password',
		}).listImportJobs());
		expect(describeError(fromUser)).toBe('credentials refused (HTTP 401): check --user root with --password');
		const none = errorOf(await createMilvusClient({uri: url, timeoutMs: 1000, fetch: fetchImpl}).listImportJobs());
		expect(describeError(none)).toBe('credentials refused (HTTP 401): the server needs credentials: give --user, --token-file or MILVUS_TOKEN');
	});

	test('HTTP 401: credentials refused, token never shown', async () => {
		const {url} = await serve((_request, response) => {
			sendJson(response, fixture('error-1800.json'), 401);
		});
		const error = errorOf(await client(url).listImportJobs());
		expect(error).toEqual({kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated'});
		expect(describeError(error)).toBe('credentials refused (HTTP 401): check --token / MILVUS_TOKEN');
	});

	test.each([
		[1800, 'user hasn\'t authenticated', 'unauthorized', 'credentials refused (Milvus code 1800): check --token / MILVUS_TOKEN'],
		[1400, 'not authenticated', 'unauthorized', 'credentials refused (Milvus code 1400): check --token / MILVUS_TOKEN'],
		[1401, 'privilege not permitted', 'forbidden', 'permission denied (Milvus code 1401) — the user needs the import privileges: privilege not permitted (token Bearer ***)'],
	] as const)('HTTP 200 with code %i (a proxy or version that wraps it): the same as HTTP 401/403, token never shown', async (code, message, kind, line) => {
		const {url, requests} = await serve((request, response) => {
			// A server that echoes the header: the client must redact it.
			sendJson(response, {code, message: kind === 'forbidden' ? `${message} (token ${request.headers.authorization ?? ''})` : message});
		});
		const milvus = client(url);
		const errors = [errorOf(await milvus.listImportJobs()), errorOf(await milvus.describeImportJob('454891732197474512')), errorOf(await milvus.listCollections())];
		for (const error of errors) {
			expect(error).toMatchObject({kind, code, inEnvelope: true});
			expect(describeError(error)).toBe(line);
			expectNoToken(error);
		}

		// A refused describe is not "describe missing": get_progress is never tried.
		expect(requests.map(request => request.path)).toEqual([endpoints.list, endpoints.describe, endpoints.collections]);
	});

	test('HTTP 403: a server echoing the token gets it redacted', async () => {
		const {url} = await serve((request, response) => {
			sendJson(response, {code: 65_535, message: `PermissionDenied desc = Import: permission deny to ${request.headers.authorization ?? ''} in the \`default\` database`}, 403);
		});
		const error = errorOf(await client(url).listImportJobs());
		expect(error).toMatchObject({kind: 'forbidden', code: 65_535, message: expect.stringContaining('permission deny to Bearer ***') as unknown});
		expectNoToken(error);
	});

	test('HTTP 404 text: list is not on this server', async () => {
		const {url} = await serve((_request, response) => {
			sendText(response, '404 page not found', 404);
		});
		const error = errorOf(await client(url).listImportJobs());
		expect(error).toEqual({kind: 'not-supported', endpoint: endpoints.list});
		expect(describeError(error)).toContain('is --uri a Milvus 2.4+ REST address');
		expect(errorOf(await client(url).listDatabases())).toEqual({kind: 'not-supported', endpoint: endpoints.databases});
	});

	test('HTTP 502 HTML from a proxy: only its title is shown', async () => {
		const {url} = await serve((_request, response) => {
			sendText(response, fixture('proxy-502.html'), 502, 'text/html');
		});
		const error = errorOf(await client(url).listImportJobs());
		expect(error).toEqual({kind: 'not-json', status: 502, title: '502 Bad Gateway'});
		expect(describeError(error)).toBe('HTTP 502 from a proxy, not Milvus: \'502 Bad Gateway\'');
	});

	test('HTTP 500 from a handler panic', async () => {
		const {url} = await serve((_request, response) => {
			sendJson(response, {code: 500}, 500);
		});
		expect(errorOf(await client(url).listImportJobs())).toEqual({kind: 'http', status: 500, message: ''});
	});

	test.each([
		['JSON (2.5+)', '{"code":10001,"message":"request timeout"}'],
		['text (2.4)', 'timeout'],
	])('HTTP 408 %s is a timeout', async (_name, body) => {
		const {url} = await serve((_request, response) => {
			sendText(response, body, 408);
		});
		expect(errorOf(await client(url, {timeoutMs: 3000}).listImportJobs())).toEqual({kind: 'timeout', afterMs: 3000});
	});

	test.each([
		['wrong shape', '{"status":"ok","jobs":[]}', {kind: 'bad-shape', detail: 'no "code" in the answer'}],
		['truncated JSON', '{"code":0,"data":{"records":[{"jobId":"45489', {kind: 'bad-shape', detail: expect.stringContaining('invalid or truncated JSON') as unknown}],
		['a 200 HTML page', '<!doctype html><title>Welcome to nginx!</title>', {kind: 'not-json', status: 200, title: 'Welcome to nginx!'}],
		['error 100', fixture('error-100.json'), {kind: 'milvus', code: 100, message: 'collection not found[database=default][collection=nope]'}],
		['error 800', fixture('error-800.json'), {kind: 'milvus', code: 800, message: 'database not found, database: nodb'}],
	])('HTTP 200 with %s', async (_name, body, expected) => {
		const {url} = await serve((_request, response) => {
			sendText(response, body, 200, 'application/json');
		});
		expect(errorOf(await client(url).listImportJobs())).toEqual(expected);
	});

	test('a redirect is reported with its target, not followed as a GET', async () => {
		const {url, requests} = await serve((_request, response) => {
			response.writeHead(301, {Location: 'https://milvus.example.com/v2/vectordb/jobs/import/list'});
			response.end();
		});
		expect(errorOf(await client(url).listImportJobs())).toEqual({
			kind: 'http', status: 301, message: 'redirected to https://milvus.example.com/v2/vectordb/jobs/import/list: use that address as --uri',
		});
		expect(requests).toHaveLength(1);
	});
});
