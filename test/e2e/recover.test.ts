import {afterAll, expect, test} from 'vitest';
import type {DemoServer} from '../../source/demo/index.js';
import type {Term} from '../helpers/term.js';
import {jobRows, startCli, startSeededDemo} from './cli.js';

let server: DemoServer | undefined;
let term: Term | undefined;

afterAll(async () => {
	term?.kill('SIGKILL');
	await server?.close();
});

test('the server goes away: rows stay, marked stale; it comes back on the same port: recovers without a key', async () => {
	server = await startSeededDemo();
	const {port, url} = server;
	term = startCli(['--uri', url, '--interval', '0.5']);
	await term.waitFor(screen => jobRows(screen).length >= 10, 'the job rows', 15_000);
	const ids = jobRows(term.text()).map(row => row.jobId);

	await server.close();
	server = undefined;
	await term.waitForText(/STALE .*cannot reach/v, 15_000);
	// The last good rows are still there, with the reason why they are old. (A poll in flight while the
	// server closed may still have brought a job that arrived after `ids` was read: a superset.)
	expect(jobRows(term.text()).map(row => row.jobId)).toEqual(expect.arrayContaining(ids));

	server = await startSeededDemo(port);
	await term.waitFor(screen => !screen.includes('STALE') && /updated <?\d/v.test(screen) && jobRows(screen).length >= 10, 'recovery', 20_000);
	expect(term.text()).not.toContain('cannot reach');
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
});
