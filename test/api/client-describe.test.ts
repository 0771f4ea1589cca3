import {describe, expect, test} from 'vitest';
import {createMilvusClient, endpoints} from '../../source/api/client.js';
import {post} from '../../source/api/http.js';
import {fixture} from '../helpers/fixtures.js';
import {
	sendJson, sendText, type ScriptHandler, scriptedServerPerTest,
} from '../helpers/http-server.js';

const serve = scriptedServerPerTest();

/** A 2.4.0–2.4.12 server: no describe route, get_progress answers. */
const oldServer: ScriptHandler = (request, response) => {
	if (request.path === endpoints.getProgress) {
		sendJson(response, fixture('get-progress-2.4.json'));
	} else {
		sendText(response, '404 page not found', 404);
	}
};

describe('describeImportJob', () => {
	test('asks describe, with the job id in the body and the database in DB-Name only', async () => {
		const {url, requests} = await serve((_request, response) => {
			sendJson(response, fixture('describe-2.6.json'));
		});
		const result = await createMilvusClient({uri: url, dbName: 'analytics', timeoutMs: 1000}).describeImportJob('448761313698322011');
		expect(result).toMatchObject({ok: true, value: {jobId: '448761313698322011', progress: 55, files: [{fileName: 'a6fb2d1c/1.parquet'}, {}]}});
		expect(requests.map(request => [request.path, request.body, request.headers['db-name']])).toEqual([
			[endpoints.describe, '{"jobId":"448761313698322011"}', 'analytics'],
		]);
	});

	test('falls back to get_progress on a 404, once, and remembers it', async () => {
		const {url, requests} = await serve(oldServer);
		const client = createMilvusClient({uri: url, timeoutMs: 1000});
		const first = await client.describeImportJob('449839014328146740');
		const second = await client.describeImportJob('449839014328146740');
		expect(first).toMatchObject({ok: true, value: {state: 'Completed', completeTime: '2024-08-30T09:12:44Z'}});
		expect(second).toEqual(first);
		expect(requests.map(request => request.path)).toEqual([endpoints.describe, endpoints.getProgress, endpoints.getProgress]);
	});

	test('the fallback is per client (per server)', async () => {
		const {url, requests} = await serve(oldServer);
		await createMilvusClient({uri: url, timeoutMs: 1000}).describeImportJob('1');
		await createMilvusClient({uri: url, timeoutMs: 1000}).describeImportJob('1');
		expect(requests.map(request => request.path)).toEqual([endpoints.describe, endpoints.getProgress, endpoints.describe, endpoints.getProgress]);
	});

	test('other failures do not trigger the fallback', async () => {
		const {url, requests} = await serve((_request, response) => {
			sendJson(response, {code: 2100, message: 'import job does not exist, jobID=1: importing data failed'});
		});
		const result = await createMilvusClient({uri: url, timeoutMs: 1000}).describeImportJob('1');
		expect(result).toEqual({ok: false, error: {kind: 'milvus', code: 2100, message: 'import job does not exist, jobID=1: importing data failed'}});
		expect(requests).toHaveLength(1);
	});

	test('when neither route exists, the answer is not-supported', async () => {
		const {url} = await serve((_request, response) => {
			sendText(response, '404 page not found', 404);
		});
		expect(await createMilvusClient({uri: url, timeoutMs: 1000}).describeImportJob('1'))
			.toEqual({ok: false, error: {kind: 'not-supported', endpoint: endpoints.getProgress}});
	});
});

describe('bad configuration never throws and never sends', () => {
	test('an address that is not http(s)', async () => {
		const client = createMilvusClient({uri: 'ftp://user:pw@host:2121', timeoutMs: 1000});
		expect(await client.listImportJobs()).toEqual({ok: false, error: {kind: 'unreachable', detail: 'ftp://host:2121 (not an http:// or https:// address)'}});
		expect(await createMilvusClient({uri: 'not a url', timeoutMs: 1000}).listDatabases()).toMatchObject({ok: false, error: {kind: 'unreachable'}});
	});

	test('a token no header can carry', async () => {
		const {url, requests} = await serve((_request, response) => {
			sendJson(response, {code: 0, data: []});
		});
		const result = await createMilvusClient({uri: url, token: 'root:pass\nword', timeoutMs: 1000}).listCollections();
		expect(result).toEqual({ok: false, error: {kind: 'unauthorized', code: undefined, message: 'the token has characters an HTTP header cannot carry'}});
		expect(JSON.stringify(result)).not.toContain('pass');
		expect(requests).toHaveLength(0);
	});
});

describe('post', () => {
	test('caps the body size', async () => {
		const {url} = await serve((_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/json'}); // Chunked: no Content-Length to trust.
			response.write('x'.repeat(3000));
			response.end('x'.repeat(3000));
		});
		const result = await post({
			fetch: globalThis.fetch, url, displayUri: url, headers: {}, body: {}, deadlineMs: 1000, maxBytes: 4096,
		});
		expect(result).toEqual({ok: false, error: {kind: 'bad-shape', detail: 'answer larger than 4096 bytes'}});
	});
});
