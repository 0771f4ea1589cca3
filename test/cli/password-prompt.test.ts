import {afterEach, expect, test} from 'vitest';
import {
	sendJson, sendText, startScriptedServer, type ScriptedServer,
} from '../helpers/http-server.js';
import {cliPath} from '../helpers/run-cli.js';
import {startTerm} from '../helpers/term.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** A Milvus with auth on: only `Bearer root:hunter22-pw` may list. */
const startAuthServer = async () => startScriptedServer((request, response) => {
	if (request.headers.authorization !== 'Bearer root:hunter22-pw') {
		sendJson(response, {code: 1800, message: 'user hasn\'t authenticated'}, 401);
		return;
	}

	if (request.path === '/v2/vectordb/jobs/import/list') {
		sendJson(response, {
			code: 0, data: {
				records: [{
					jobId: '1', collectionName: 'books', state: 'Importing', progress: 5,
				}],
			},
		});
		return;
	}

	sendText(response, '404 page not found', 404);
});

test('--user without a password asks on the terminal, without echo, and uses it', async () => {
	server = await startAuthServer();
	const term = startTerm(process.execPath, [cliPath, '--user', 'root', '--once', '--uri', server.url]);
	await term.waitForText('Password for root:');
	term.write('hunter22-pw\r');
	const code = await term.waitForExit();
	expect(code).toBe(0);
	expect(term.output()).not.toContain('hunter22');
	expect(term.text()).toContain('books');
});

test('Ctrl-C at the password prompt exits 130 without connecting', async () => {
	server = await startAuthServer();
	const term = startTerm(process.execPath, [cliPath, '--user', 'root', '--once', '--uri', server.url]);
	await term.waitForText('Password for root:');
	term.write('\u0003');
	expect(await term.waitForExit()).toBe(130);
	expect(server.requests).toHaveLength(0);
});
