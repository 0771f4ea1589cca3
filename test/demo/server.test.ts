import {Buffer} from 'node:buffer';
import {connect} from 'node:net';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {startDemoServer, type DemoOptions, type DemoServer} from '../../source/demo/index.js';
import {seededRandom} from '../../source/demo/rng.js';
import {
	manualClock, parseJson, type DescribeReply, type ListReply,
} from './helpers.js';

const servers: DemoServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const open = async (options: DemoOptions = {}): Promise<DemoServer> => {
	const server = await startDemoServer({random: seededRandom(11), ...options});
	servers.push(server);
	return server;
};

const post = async (server: DemoServer, path: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}/v2/vectordb${path}`, {method: 'POST', body, headers});

const postJson = async <T = unknown>(server: DemoServer, path: string, body: string, headers: Record<string, string> = {}): Promise<T> => {
	const response = await post(server, path, body, headers);
	return parseJson<T>(await response.text());
};

const status = async (server: DemoServer, path: string, body: string, headers: Record<string, string> = {}): Promise<number> => {
	const response = await post(server, path, body, headers);
	return response.status;
};

const list = async (server: DemoServer): Promise<ListReply> => postJson<ListReply>(server, '/jobs/import/list', '{}');
const records = async (server: DemoServer) => {
	const reply = await list(server);
	return reply.data.records;
};

describe('demo server over HTTP', () => {
	test('listens on 127.0.0.1 and a free port by default', async () => {
		const server = await open();
		expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
		expect(server.port).toBeGreaterThan(0);
		expect(server.flavor).toBe('2.6');
	});

	test('JSON replies carry the Milvus headers; other methods get the plain-text 404', async () => {
		const server = await open();
		const ok = await post(server, '/jobs/import/list', '{}');
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(ok.headers.get('access-control-allow-origin')).toBe('*');
		expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
		const get = await fetch(`${server.url}/v2/vectordb/jobs/import/list`);
		expect([get.status, await get.text()]).toEqual([404, '404 page not found']);
		expect(get.headers.get('content-type')).toBe('text/plain; charset=utf-8');
	});

	test('progress moves between two list calls as the injected clock advances', async () => {
		const clock = manualClock();
		const server = await open({clock: clock.now});
		const first = await list(server);
		clock.advance(5000);
		const second = await list(server);
		const before = new Map(first.data.records.map(record => [record.jobId, record.progress]));
		const moved = second.data.records.filter(record => before.has(record.jobId) && before.get(record.jobId) !== record.progress);
		expect(moved.length).toBeGreaterThan(0);
	});

	test('curl-like: POST {} twice with the real clock shows progress moving', async () => {
		const server = await open({random: seededRandom(2)});
		const initial = await records(server);
		const first = new Map(initial.map(record => [record.jobId, `${record.state}:${record.progress}`]));
		const deadline = Date.now() + 10_000;
		let changed = false;
		while (!changed && Date.now() < deadline) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 250);
			});
			// eslint-disable-next-line no-await-in-loop
			const now = await records(server);
			changed = now.some(record => first.has(record.jobId) && first.get(record.jobId) !== `${record.state}:${record.progress}`);
		}

		expect(changed).toBe(true);
	});

	test('GC: a finished job describes as "does not exist" once the retention has passed', async () => {
		const clock = manualClock();
		const server = await open({clock: clock.now, seed: 'none', retentionMs: 10_000});
		const created = await postJson<{data: {jobId: string}}>(server, '/jobs/import/create', '{"collectionName":"movies","files":[["m/missing.json"]]}');
		const {jobId} = created.data;
		clock.advance(12_000);
		const failed = await postJson<DescribeReply>(server, '/jobs/import/describe', JSON.stringify({jobId}));
		expect(failed.data.state).toBe('Failed');
		clock.advance(10_000);
		expect(await postJson(server, '/jobs/import/describe', JSON.stringify({jobId})))
			.toEqual({code: 2100, message: `import job does not exist, jobID=${jobId}: importing data failed`});
	});

	test('seed "none": the catalog without jobs', async () => {
		const server = await open({seed: 'none'});
		expect(await list(server)).toEqual({code: 0, data: {records: []}});
		expect(await postJson(server, '/databases/list', '{}')).toEqual({code: 0, data: ['default', 'analytics', 'staging']});
	});

	test('auth on: 401 without or with wrong credentials, Basic and Bearer pass', async () => {
		const server = await open({auth: {user: 'root', password: 'Milvus'}});
		const none = await post(server, '/jobs/import/list', '{}');
		expect([none.status, await none.json()]).toEqual([401, {code: 1800, message: 'user hasn\'t authenticated'}]);
		expect(await status(server, '/jobs/import/list', '{}', {Authorization: 'Bearer root:wrong'})).toBe(401);
		expect(await status(server, '/jobs/import/list', '{}', {Authorization: 'Bearer root:Milvus'})).toBe(200);
		expect(await status(server, '/jobs/import/list', '{}', {Authorization: `Basic ${Buffer.from('root:Milvus').toString('base64')}`})).toBe(200);
	});

	test.each([
		['2.6', 'application/json; charset=utf-8', '{"code":10001,"message":"request timeout"}'],
		['2.4', 'text/plain; charset=utf-8', 'timeout'],
	] as const)('%s: Request-Timeout shorter than the reply time → 408', async (flavor, type, body) => {
		const server = await open({flavor, latencyMs: 1200});
		const late = await post(server, '/jobs/import/list', '{}', {'Request-Timeout': '1'});
		expect([late.status, late.headers.get('content-type'), await late.text()]).toEqual([408, type, body]);
		const patient = await post(server, '/jobs/import/list', '{}', {'Request-Timeout': '5'});
		expect(patient.status).toBe(200);
	});

	test('a malformed request never brings it down', async () => {
		const server = await open();
		expect(await postJson(server, '/jobs/import/list', '{"collectionName":')).toMatchObject({code: 1801});
		expect(await status(server, '/jobs/import/create', `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}`)).toBe(413);
		const raw = await new Promise<string>(resolve => {
			const socket = connect(server.port, '127.0.0.1', () => {
				socket.end('NOT HTTP AT ALL\r\n\r\n');
			});
			let text = '';
			socket.on('data', chunk => {
				text += String(chunk);
			});
			socket.on('close', () => {
				resolve(text);
			});
		});
		expect(raw).toMatch(/^HTTP\/1\.1 400/v);
		expect(await status(server, '/jobs/import/list', '{}')).toBe(200);
	});

	test('close() returns while a keep-alive connection is open, and the port is freed', async () => {
		const server = await startDemoServer({seed: 'none'});
		await post(server, '/jobs/import/list', '{}', {Connection: 'keep-alive'});
		await server.close();
		await expect(fetch(`${server.url}/v2/vectordb/jobs/import/list`, {method: 'POST', body: '{}'})).rejects.toThrow();
	});

	test('a taken port is a clear error', async () => {
		const server = await open({seed: 'none'});
		await expect(startDemoServer({port: server.port, seed: 'none'})).rejects.toThrow(/EADDRINUSE/v);
	});
});
