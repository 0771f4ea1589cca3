import {render, cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../source/app.js';
import {createMilvusClient} from '../source/api/client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';
import {runCli} from './helpers/run-cli.js';
import {records, startListServer} from './cli/list-server.js';

/*
A reply that lists one job id twice (a proxy retry, a merge bug) made the row flip state on every poll,
filled the event log with Importing/Completed and counted one more job on the screen than --json did.
One record per id now, the one further along (api/duplicates.ts), for every consumer alike.
*/
let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	cleanup();
	await server?.close();
	server = undefined;
});

// The stale record first on odd polls, last on even ones: whichever came last used to win.
const staleFirst = records(['7', 'books', 'Importing', 80], ['8', 'books', 'Pending', 0], ['7', 'books', 'Completed', 100]);
const staleLast = records(['7', 'books', 'Completed', 100], ['8', 'books', 'Pending', 0], ['7', 'books', 'Importing', 80]);

test('the screen shows one row for the id, stays Completed across polls, and counts what --json counts', async () => {
	server = await startListServer([staleFirst, staleLast, staleFirst, staleLast]);
	const json = await runCli(['--json', '--uri', server.url]);
	expect(JSON.parse(json.stdout)).toMatchObject({count: 2, jobs: expect.arrayContaining([expect.objectContaining({jobId: '7', state: 'Completed'})]) as unknown});

	const client = createMilvusClient({uri: server.url, timeoutMs: 2000});
	const app = render(<App client={client} config={testConfig({uri: server.url, intervalMs: 500})} serverLabel={server.url} onExit={() => undefined}/>);
	const frame = () => app.lastFrame() ?? '';
	const calls = server.listCalls();
	await eventually(() => {
		expect(server!.listCalls()).toBeGreaterThanOrEqual(calls + 3);
	}, 5000);
	const rows = frame().split('\n').filter(line => /\b7\b/v.test(line) && line.includes('books'));
	expect(rows).toHaveLength(1);
	expect(rows[0]).toContain('Completed');
	expect(frame()).not.toMatch(/Importing.*\b7\b|\b7\b.*Importing/v);
	expect(frame()).toMatch(/\b2 jobs\b/v);
});
