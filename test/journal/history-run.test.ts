import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {HistoryJson} from '../../source/journal/history-format.js';
import {parseJson} from '../demo/helpers.js';
import {runCli, spawnCli, type Spawned} from '../helpers/run-cli.js';
import {eventually} from '../helpers/wait.js';
import {tempDir} from './helpers.js';

type Line = {readonly jobId: string; readonly event: string; readonly state: string; readonly reason?: string};

const journalLines = (file: string): Line[] => existsSync(file)
	? readFileSync(file, 'utf8').split('\n').filter(line => line !== '').map(line => parseJson<Line>(line))
	: [];

/** A job the run saw unfinished, then Completed, then gone from the server. */
const completedAndForgotten = (lines: readonly Line[]): string | undefined => {
	const ids = new Set(lines.map(line => line.jobId));
	return [...ids].find(id => {
		const events = lines.filter(line => line.jobId === id).map(line => line.event);
		return events[0] === 'appeared' && events.includes('completed') && events.at(-1) === 'expired';
	});
};

let server: DemoServer | undefined;
let watcher: Spawned | undefined;
afterEach(async () => {
	watcher?.child.kill('SIGKILL');
	await server?.close();
});

describe('history from a journal written by a real run', () => {
	test('jobs complete, fail and are forgotten by the server; history tells it with the server down', async () => {
		const home = tempDir();
		const file = path.join(home, 'milvus-import-top', 'journal.jsonl');
		// The demo at 100× speed (a 40 s import takes 0.4 s) with 30 s retention: jobs finish and are forgotten within seconds.
		const start = Date.now();
		server = await startDemoServer({
			random: seededRandom(7), clock: () => start + ((Date.now() - start) * 100), retentionMs: 30_000, tickMs: 5000,
		});
		watcher = spawnCli(['--json', '--watch', '--interval', '0.5', '--uri', server.url], {XDG_STATE_HOME: home});
		await eventually(() => {
			const lines = journalLines(file);
			expect(completedAndForgotten(lines)).toBeDefined();
			expect(lines.some(line => line.event === 'failed' && line.reason !== undefined)).toBe(true);
		}, 15_000);
		watcher.child.kill('SIGINT');
		const stopped = await watcher.result;
		expect(stopped.code).toBe(130);
		const {url} = server;
		await server.close();
		server = undefined;

		const lines = journalLines(file);
		const forgotten = completedAndForgotten(lines)!;
		const json = await runCli(['history', '--json'], {XDG_STATE_HOME: home});
		expect(json.code).toBe(0);
		const document = parseJson<{readonly count: number; readonly jobs: readonly HistoryJson[]; readonly skippedLines: number}>(json.stdout);
		expect(document.skippedLines).toBe(0);
		expect(document.count).toBe(new Set(lines.map(line => line.jobId)).size);
		const row = document.jobs.find(job => job.jobId === forgotten)!;
		expect(row).toMatchObject({
			cluster: url, dbName: null, state: 'Completed', gone: 'expired', reason: '',
		});
		expect(row.durationMs).toBeGreaterThan(0);
		expect(Date.parse(row.finishedAt!)).toBeGreaterThan(Date.parse(row.firstSeen));

		const failed = await runCli(['history', '--state', 'failed', '--json'], {XDG_STATE_HOME: home});
		const failedRows = parseJson<{readonly jobs: readonly HistoryJson[]}>(failed.stdout).jobs;
		expect(failedRows.length).toBeGreaterThan(0);
		expect(failedRows.every(job => job.state === 'Failed' && job.reason !== '')).toBe(true);

		const plain = await runCli(['history', '--since', '1h'], {XDG_STATE_HOME: home});
		expect(plain.code).toBe(0);
		expect(plain.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/v);
		const header = plain.stdout.split('\n')[0]!;
		expect(header).toMatch(/^CLUSTER +DB +COLLECTION +JOB ID +STATE +PROGRESS +FIRST SEEN +FINISHED +DURATION +REASON$/v);
		expect(plain.stdout.split('\n').find(line => line.includes(forgotten))).toMatch(/Completed \(expired\) +100% +\S+Z +\S+Z +\d+s/v);

		const none = await runCli(['history', '--collection', 'no_such_collection'], {XDG_STATE_HOME: home});
		expect(none.stdout.split('\n')).toEqual([expect.stringMatching(/^CLUSTER +DB +COLLECTION +JOB ID/v), '']);
		expect(none.stderr).toMatch(/no jobs: none of \d+ journaled jobs match the filters/v);
	}, 30_000);

	test('--no-journal writes nothing; history on an empty journal says so', async () => {
		const home = tempDir();
		server = await startDemoServer({random: seededRandom(7)});
		const run = spawnCli(['--json', '--watch', '--interval', '0.5', '--no-journal', '--uri', server.url], {XDG_STATE_HOME: home});
		await run.waitForStdout('\n');
		run.child.kill('SIGINT');
		await run.result;
		expect(existsSync(path.join(home, 'milvus-import-top'))).toBe(false);
		const history = await runCli(['history'], {XDG_STATE_HOME: home});
		expect(history.code).toBe(0);
		expect(history.stderr).toContain('is empty');
	});

	test('the journal never holds credentials given in the URI, --token or the environment', async () => {
		const home = tempDir();
		server = await startDemoServer({random: seededRandom(7)});
		const uri = server.url.replace('http://', 'http://root:s3cretUri@');
		const run = spawnCli(['--json', '--watch', '--interval', '0.5', '--uri', uri], {XDG_STATE_HOME: home, MILVUS_PASSWORD: undefined});
		await run.waitForStdout('\n');
		run.child.kill('SIGINT');
		await run.result;
		const text = readFileSync(path.join(home, 'milvus-import-top', 'journal.jsonl'), 'utf8');
		expect(text).toContain(`"cluster":"${server.url}"`);
		expect(text).not.toContain('s3cret');
		expect(text).not.toContain('root');
	});
});
