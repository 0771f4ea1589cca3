import {
	afterEach, describe, expect, test,
} from 'vitest';
import {describeOutcome} from '../../source/api/action-text.js';
import {createJobActions, type ActionOutcome} from '../../source/api/job-actions.js';
import {
	sendJson, sendText, startScriptedServer, type ScriptHandler, type ScriptedServer,
} from '../helpers/http-server.js';

/** The commit/abort client: what it sends, and every kind of answer as a typed outcome (never a throw). */

let server: ScriptedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const send = async (handler: ScriptHandler, options: {token?: string; dbName?: string; timeoutMs?: number} = {}, action: 'commit' | 'abort' = 'commit'): Promise<ActionOutcome> => {
	server = await startScriptedServer(handler);
	const actions = createJobActions({uri: server.url, timeoutMs: options.timeoutMs ?? 2000, ...options});
	return actions.send(action, {jobId: '454891732197474512'});
};

describe('the request', () => {
	test('POST to the route, the id as a string, the database in body and header, the token as Bearer', async () => {
		await send(async (_request, response) => {
			sendJson(response, {code: 0, data: {}});
		}, {token: 'root:Milvus', dbName: 'sales'}, 'abort');
		const [request] = server!.requests;
		expect(request).toMatchObject({method: 'POST', path: '/v2/vectordb/jobs/import/abort'});
		expect(JSON.parse(request!.body)).toEqual({jobId: '454891732197474512', dbName: 'sales'});
		expect(request!.headers).toMatchObject({'db-name': 'sales', authorization: 'Bearer root:Milvus', 'content-type': 'application/json'});
	});

	test('without a database, no dbName key (the server applies its default)', async () => {
		await send(async (_request, response) => {
			sendJson(response, {code: 0, data: {}});
		});
		expect(JSON.parse(server!.requests[0]!.body)).toEqual({jobId: '454891732197474512'});
	});
});

describe('outcomes', () => {
	test('code 0 → accepted', async () => {
		const outcome = await send((_request, response) => {
			sendJson(response, {code: 0, data: {}});
		});
		expect(outcome).toEqual({kind: 'accepted'});
		expect(describeOutcome('commit', '454891732197474512', outcome)).toBe('commit sent: job 454891732197474512 (Milvus accepted it)');
	});

	test('an envelope error → refused, with the message sanitized and the token taken out', async () => {
		const outcome = await send((_request, response) => {
			sendJson(response, {code: 2101, message: 'job is auto-commit\u001B]0;pwned\u0007 (token root:s3cr3t-pw)'});
		}, {token: 'root:s3cr3t-pw'});
		expect(outcome.kind).toBe('refused');
		const line = describeOutcome('abort', '454891732197474512', outcome);
		expect(line).toMatch(/^Milvus refused to abort job 454891732197474512 \(code 2101\): job is auto-commit/v);
		expect(line).not.toContain('s3cr3t');
		expect(line).not.toContain('\u001B');
	});

	test('HTTP 404 text (Milvus 2.x) → no-route', async () => {
		const outcome = await send((_request, response) => {
			sendText(response, '404 page not found', 404);
		});
		expect(outcome).toEqual({kind: 'no-route'});
		expect(describeOutcome('commit', '1', outcome)).toBe('this server cannot commit or abort imports (Milvus 3.0+ only)');
	});

	test.each([
		[401, {code: 1800, message: 'user hasn\'t authenticated'}, 'unauthorized'],
		[403, {code: 1401, message: 'no privilege'}, 'forbidden'],
		[502, '<html><title>Bad Gateway</title></html>', 'not-json'],
	] as const)('HTTP %d → failed (%s)', async (status, body, kind) => {
		const outcome = await send((_request, response) => {
			if (typeof body === 'string') {
				sendText(response, body, status, 'text/html');
			} else {
				sendJson(response, body, status);
			}
		});
		expect(outcome).toMatchObject({kind: 'failed', error: {kind}});
	});

	test('no answer in time → failed, and the line says the change may have happened', async () => {
		const outcome = await send(() => undefined, {timeoutMs: 100});
		expect(outcome).toMatchObject({kind: 'failed', error: {kind: 'timeout'}});
		expect(describeOutcome('commit', '7', outcome)).toMatch(/commit of job 7 may or may not have been applied$/v);
	});
});
