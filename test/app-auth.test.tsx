import {render, cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../source/app.js';
import {createMilvusClient} from '../source/api/client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';
import {startListServer, type ListAnswer} from './cli/list-server.js';

/** The live screen against a real local server that refuses the credentials, with HTTP 401 or inside an HTTP 200 envelope. */
let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	cleanup();
	await server?.close();
	server = undefined;
});

const token = 'root:sup3r-s3cret-pw';
const refusal = `user hasn't authenticated (got Bearer ${token})`;

test.each<[string, ListAnswer, string]>([
	['HTTP 401', {status: 401, json: {code: 1800, message: refusal}}, 'credentials refused (HTTP 401): check --token / MILVUS_TOKEN'],
	['HTTP 200 envelope', {status: 200, json: {code: 1800, message: refusal}}, 'credentials refused (Milvus code 1800): check --token / MILVUS_TOKEN'],
])('%s: the screen says the credentials were refused, never shows the token', async (_name, answer, line) => {
	server = await startListServer([answer]);
	const config = testConfig({uri: server.url, token, intervalMs: 500});
	const client = createMilvusClient({uri: server.url, token, timeoutMs: 2000});
	const app = render(<App client={client} config={config} serverLabel={server.url} onExit={() => undefined}/>);
	const frame = () => app.lastFrame() ?? '';
	await eventually(() => {
		expect(frame()).toContain('STALE');
	}, 5000);
	expect(frame().replaceAll(/\s+/gv, ' ')).toContain(line);
	expect(frame()).not.toContain('sup3r-s3cret-pw');
});
