import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {Term} from '../helpers/term.js';
import {tempDir} from '../journal/helpers.js';
import {jobRows, startCli} from './cli.js';

let server: DemoServer | undefined;
let term: Term | undefined;
afterEach(async () => {
	term?.kill('SIGKILL');
	await server?.close();
});

const events = (file: string): string[] => existsSync(file)
	? readFileSync(file, 'utf8').split('\n').filter(line => line !== '').map(line => /"event":"(\w+)"/v.exec(line)?.[1] ?? '?')
	: [];

describe('the live screen writes the journal and notifies', () => {
	test('transitions are journaled; --notify writes whole OSC 9 sequences for failures', async () => {
		const home = tempDir();
		const file = path.join(home, 'milvus-import-top', 'journal.jsonl');
		// The demo at 100× speed: jobs finish, fail and are forgotten within seconds.
		const start = Date.now();
		server = await startDemoServer({
			random: seededRandom(7), clock: () => start + ((Date.now() - start) * 100), retentionMs: 30_000, tickMs: 5000,
		});
		term = startCli(['--uri', server.url, '--interval', '0.5', '--notify'], {
			env: {
				XDG_STATE_HOME: home, TMUX: undefined, STY: undefined, VTE_VERSION: undefined,
			},
		});
		await term.waitFor(screen => jobRows(screen).length > 0, 'the job rows', 15_000);
		await term.waitFor(() => term!.output().includes('\u001B]9;Import job failed: '), 'a failure notification', 15_000);
		await term.waitFor(() => events(file).includes('expired') && events(file).includes('completed'), 'completed and expired in the journal', 15_000);
		term.write('q');
		expect(await term.waitForExit()).toBe(0);

		const notifications = term.output().match(/\u001B\]9;[^\u0007]*\u0007/gv) ?? [];
		expect(notifications.length).toBeGreaterThan(0);
		for (const notification of notifications) {
			expect(notification).toMatch(/^\u001B\]9;Import job(?:s finished| failed): [^\u0000-\u001F\u007F-\u009F]+\u0007$/v);
		}

		expect(events(file)[0]).toMatch(/^(?:appeared|completed|failed)$/v);
	}, 40_000);
});
