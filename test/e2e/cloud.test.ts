import {
	afterAll, beforeAll, describe, expect, test, vi,
} from 'vitest';
import {startDemoServer, seededRandom, type DemoServer} from '../../source/demo/index.js';
import {demoApiKey, demoClusterId} from '../../source/demo/cloud/identity.js';
import {cloudPaths} from '../../source/demo/cloud/routes.js';
import type {Term} from '../helpers/term.js';
import {startCli} from './cli.js';

/**
The live screen against the demo's Zilliz Cloud control plane with 1,000 jobs (issue 15): the list
has no progress, so the bars come from getProgress in the background; the server's request log
proves the rate stays under 10 per second per endpoint.
*/

let server: DemoServer;
const running: Term[] = [];

beforeAll(async () => {
	server = await startDemoServer({
		flavor: 'cloud', random: seededRandom(5), tickMs: 0, retentionMs: 3_600_000, bulkJobs: 1000,
	});
});

afterAll(async () => {
	for (const term of running) {
		term.kill('SIGKILL');
	}

	await server.close();
});

type CloudRow = {readonly jobId: string; readonly state: string; readonly percent: string};

// `✓ Completed   job-…  books  ███ 100%` (the percent is blank or `?%` while unknown).
const rowPattern = /(?<state>Pending|Importing|Completed|Failed)\s+(?<id>job-[\da-z]{21})\s+\S+\s+\S+\s+(?<percent>\d{1,3}%|\?%)?/v;

const rows = (screen: string): CloudRow[] => screen.split('\n').flatMap(line => {
	const groups = rowPattern.exec(line)?.groups;
	return groups === undefined ? [] : [{jobId: groups['id']!, state: groups['state']!, percent: groups['percent'] ?? ''}];
});

/** The most requests to one path that the server saw start within any one second. */
const busiestSecond = (path: string): number => {
	const starts = server.requests().filter(entry => entry.path === path).map(entry => entry.at);
	let most = 0;
	for (const [index, at] of starts.entries()) {
		let count = 0;
		for (let next = index; next < starts.length && starts[next]! < at + 1000; next++) {
			count++;
		}

		most = Math.max(most, count);
	}

	return most;
};

describe('--cloud against the control-plane demo, 1,000 jobs', () => {
	test('bars fill for unfinished jobs within a few polls, Completed is 100 %, and fewer than 10 requests a second per endpoint', async () => {
		const term = startCli(['--cloud', '--cloud-endpoint', server.url, '--cluster-id', demoClusterId, '--interval', '1', '--state', 'importing'], {
			env: {MILVUS_TOKEN: demoApiKey},
		});
		running.push(term);
		await term.waitFor(screen => rows(screen).length >= 10, 'the job rows', 20_000);
		// Every visible unfinished row gets a percentage from getProgress: visible rows are asked first.
		await term.waitFor(
			screen => {
				const visible = rows(screen).filter(row => row.state === 'Importing' || row.state === 'Pending');
				return visible.length > 0 && visible.every(row => /^\d+%$/v.test(row.percent));
			},
			'every visible unfinished row to show its progress',
			15_000,
		);
		// `3` shows Completed, `2` hides Importing: every Completed row is 100 %, though the list gave no progress.
		term.write('3');
		await term.waitForText('states Importing,Completed');
		term.write('2');
		await term.waitFor(screen => rows(screen).filter(row => row.state === 'Completed').length >= 5, 'Completed rows', 10_000);
		expect(rows(term.text()).filter(row => row.state === 'Completed').every(row => row.percent === '100%')).toBe(true);
		// Let the background fetcher run on past the visible rows for a while.
		await vi.waitFor(() => {
			expect(server.requests().filter(entry => entry.path === cloudPaths.getProgress).length).toBeGreaterThan(40);
		}, {timeout: 20_000, interval: 200});
		term.write('q');
		expect(await term.waitForExit()).toBe(0);
		const list = busiestSecond(cloudPaths.list);
		const progress = busiestSecond(cloudPaths.getProgress);
		expect(list).toBeGreaterThanOrEqual(5); // 1,000 jobs are ten pages: the list itself is paced.
		expect(list).toBeLessThan(10);
		expect(progress).toBeLessThan(10);
		expect(server.requests().some(entry => entry.status === 429)).toBe(false);
	}, 60_000);
});
