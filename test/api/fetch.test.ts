import {Buffer} from 'node:buffer';
import {performance} from 'node:perf_hooks';
import {Agent} from 'undici';
import {afterAll, expect, test} from 'vitest';
import {createFetch, type FetchInit} from '../../source/api/fetch.js';
import {startScriptedServer} from '../helpers/http-server.js';

const server = await startScriptedServer((request, response) => {
	if (request.path === '/moved') {
		response.writeHead(302, {Location: '/v2/vectordb/jobs/import/list'});
		response.end();
		return;
	}

	if (request.path === '/hang-after-headers') {
		response.writeHead(200, {'Content-Type': 'application/json'});
		response.write('{"code":0,');
		return; // The rest never comes.
	}

	response.writeHead(200, [['Content-Type', 'application/json'], ['Retry-After', '3'], ['X-Twice', 'a'], ['X-Twice', 'b']]);
	response.end(JSON.stringify({
		code: 0, data: {records: []}, seen: {
			method: request.method, path: request.path, body: request.body, type: request.headers['content-type'],
		},
	}));
});
afterAll(async () => server.close());

const init = (body = '{}', signal = AbortSignal.timeout(5000)): FetchInit => ({
	method: 'POST', headers: {'Content-Type': 'application/json'}, body, redirect: 'manual', signal,
});

const read = async (body: unknown): Promise<string> => {
	if (typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) {
		throw new TypeError('the body is not a stream');
	}

	const chunks: Uint8Array[] = [];
	for await (const chunk of body as AsyncIterable<Uint8Array>) { // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- checked just above
		chunks.push(chunk);
	}

	return Buffer.concat(chunks).toString('utf8');
};

test('a POST goes out as given; the answer\'s status, headers (any case, repeated ones joined) and body stream come back', async () => {
	const fetch = createFetch(new Agent());
	const answer = await fetch(`${server.url}/v2/vectordb/jobs/import/list?x=1`, init('{"collectionName":"books"}'));
	expect(answer.status).toBe(200);
	expect(answer.headers.get('retry-after')).toBe('3');
	expect(answer.headers.get('Retry-After')).toBe('3');
	expect(answer.headers.get('x-twice')).toBe('a, b');
	expect(answer.headers.get('location')).toBeNull();
	expect(JSON.parse(await read(answer.body))).toEqual({
		code: 0, data: {records: []}, seen: {
			method: 'POST', path: '/v2/vectordb/jobs/import/list?x=1', body: '{"collectionName":"books"}', type: 'application/json',
		},
	});
	const again = await fetch(`${server.url}/v2/vectordb/jobs/import/list`, init());
	expect(await again.text()).toContain('"records":[]');
});

test('a redirect is handed back, not followed (a followed 302 turns the POST into a GET)', async () => {
	const answer = await createFetch(new Agent())(`${server.url}/moved`, init());
	expect(answer.status).toBe(302);
	expect(answer.headers.get('location')).toBe('/v2/vectordb/jobs/import/list');
	await read(answer.body);
	expect(server.requests.filter(request => request.path === '/moved').every(request => request.method === 'POST')).toBe(true);
});

test('the signal ends an exchange whose body stalls: reading it throws the signal\'s reason', async () => {
	const answer = await createFetch(new Agent())(`${server.url}/hang-after-headers`, init('{}', AbortSignal.timeout(300)));
	expect(answer.status).toBe(200);
	await expect(read(answer.body)).rejects.toMatchObject({name: 'TimeoutError'});
});

test('a signal that has fired before the exchange: rejected with its reason, nothing sent', async () => {
	const before = server.requests.length;
	const controller = new AbortController();
	controller.abort();
	await expect(createFetch(new Agent())(`${server.url}/v2/vectordb/jobs/import/list`, init('{}', controller.signal))).rejects.toMatchObject({name: 'AbortError'});
	expect(server.requests.length).toBe(before);
});

test('polling leaves nothing in the process\' performance timeline (undici\'s fetch kept the last 250 exchanges there)', async () => {
	const fetch = createFetch(new Agent());
	for (let poll = 0; poll < 20; poll++) {
		const answer = await fetch(`${server.url}/v2/vectordb/jobs/import/list`, init()); // eslint-disable-line no-await-in-loop
		expect(await answer.text()).toContain('"records"'); // eslint-disable-line no-await-in-loop
	}

	expect(performance.getEntriesByType('resource')).toEqual([]);
});
