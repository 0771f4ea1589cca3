import {cleanup, render} from 'ink-testing-library';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {createMilvusClient} from '../source/api/client.js';
import {createJobActions} from '../source/api/job-actions.js';
import {App} from '../source/app.js';
import {
	seededRandom, startDemoServer, type DemoServer, type Flavor,
} from '../source/demo/index.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

/**
C / X rendered (ink-testing-library) against the demo server through the real clients: the frames a
person sees, and the server's request log for what was sent. The PTY twin is test/e2e/job-actions.test.ts.
*/

let server: DemoServer | undefined;
afterEach(async () => {
	cleanup();
	await server?.close();
	server = undefined;
});

const enter = '\r';
type Row = {readonly jobId: string; readonly collectionName: string; readonly state: string};

const start = async (flavor: Flavor, readOnly = false) => {
	server = await startDemoServer({
		flavor, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000,
	});
	const config = testConfig({uri: server.url, intervalMs: 500, readOnly});
	const client = createMilvusClient({uri: server.url, timeoutMs: 2000});
	const actions = readOnly ? undefined : createJobActions({uri: server.url, timeoutMs: 2000});
	const app = render(<App client={client} actions={actions} actionsOff={readOnly ? 'read-only' : undefined} config={config} serverLabel={server.url} onExit={() => undefined}/>);
	const frame = () => app.lastFrame() ?? '';
	const list = await client.listImportJobs();
	const rows: readonly Row[] = list.ok ? list.value : [];
	const first = (state: string): Row => rows.filter(row => row.state === state).toSorted((a, b) => a.jobId.localeCompare(b.jobId))[0]!;
	const changes = () => server!.requests().map(entry => entry.path).filter(path => /\/(?:commit|abort)$/v.test(path));
	const rowOf = (jobId: string) => frame().split('\n').find(line => line.includes(jobId) && !line.includes('filter "')) ?? '';
	/** Keys one at a time, each after the frame its predecessor led to (as a person types). */
	const press = async (key: string, shows: string | RegExp) => {
		app.stdin.write(key);
		await eventually(() => {
			expect(frame()).toMatch(shows);
		}, 5000);
	};

	/** Filters down to one job, so it is the selected row. */
	const select = async (jobId: string) => {
		await eventually(() => {
			expect(frame()).toContain(jobId);
		}, 5000);
		await press('/', 'Esc clear');
		app.stdin.write(jobId);
		await eventually(() => {
			expect(frame()).toContain(`filter "${jobId}"`);
		}, 5000);
		await press(enter, '/ filter');
	};

	return {
		frame, first, changes, rowOf, press, select, demo: server,
	};
};

describe('C / X on the job list, Milvus 3.0', () => {
	test('commit an Uncommitted job: the prompt names job and collection, y sends one commit, the row moves to Committing', async () => {
		const s = await start('3.0');
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		expect(s.frame()).toMatch(/C commit {2}X abort/v);
		await s.press('C', `Commit job ${job.jobId} of collection ${job.collectionName}? (its rows become visible) [y/N]`);
		expect(s.changes()).toEqual([]);
		await s.press('y', `commit sent: job ${job.jobId} (Milvus accepted it)`);
		await eventually(() => {
			expect(s.rowOf(job.jobId)).toContain('Committing');
		}, 5000);
		expect(s.changes()).toEqual(['/v2/vectordb/jobs/import/commit']);
	});

	test('abort one: Failed, with the reason', async () => {
		const s = await start('3.0');
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		await s.press('X', `Abort job ${job.jobId} of collection ${job.collectionName}?`);
		await s.press('y', `abort sent: job ${job.jobId}`);
		await eventually(() => {
			expect(s.rowOf(job.jobId)).toMatch(/Failed +\d+ .* 0% .*import job a/v);
		}, 5000);
		await s.press(enter, 'import job aborted by user'); // The detail view has room for the whole reason.
		expect(s.changes()).toEqual(['/v2/vectordb/jobs/import/abort']);
	});

	test('Milvus\' refusal is shown whole, on lines of its own above the keys', async () => {
		const s = await start('3.0');
		const job = s.first('Importing');
		await s.select(job.jobId);
		await s.press('X', '[y/N]');
		await s.press('y', `Milvus refused to abort job ${job.jobId} (code 2101)`);
		const text = s.frame().replaceAll('\n', '');
		expect(text).toContain('is an auto-commit job (auto_commit=true), abort not allowed: importing data failed on server side');
		expect(s.frame().split('\n').length).toBeLessThanOrEqual(23); // Still inside the screen.
		expect(s.frame()).toContain('q/Ctrl-C quit');
	});

	test('a key other than y cancels and sends nothing', async () => {
		const s = await start('3.0');
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		await s.press('X', '[y/N]');
		await s.press('n', 'abort cancelled: nothing was sent');
		await s.press('C', '[y/N]');
		await s.press('\u001B', 'commit cancelled: nothing was sent');
		expect(s.changes()).toEqual([]);
		expect(s.rowOf(job.jobId)).toContain('Uncommitted');
	});

	test('a y in the same burst as the X (a paste, a held key) does not answer the prompt: it cancels', async () => {
		const s = await start('3.0');
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		await s.press('Xy', 'abort cancelled: nothing was sent');
		expect(s.changes()).toEqual([]);
	});

	test('in the detail view, C acts on the job shown, and the answer returns there', async () => {
		const s = await start('3.0');
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		await s.press(enter, `Job ${job.jobId}`);
		await s.press('C', `Commit job ${job.jobId}`);
		await s.press('n', 'commit cancelled');
		expect(s.frame()).toContain(`Job ${job.jobId}`);
	});

	test('a key the job\'s state makes pointless is refused with the reason, without a prompt', async () => {
		const s = await start('3.0');
		const job = s.first('Completed');
		await s.select(job.jobId);
		await s.press('X', 'this job is already Completed: nothing to abort');
		await s.press('C', 'only an Uncommitted job can be committed; this one is Completed');
		expect(s.frame()).not.toContain('[y/N]');
		expect(s.changes()).toEqual([]);
	});
});

describe('--read-only', () => {
	test('the keys say read-only, and the request log holds only reads', async () => {
		const s = await start('3.0', true);
		const job = s.first('Uncommitted');
		await s.select(job.jobId);
		expect(s.frame()).toContain('C/X read-only');
		await s.press('C', 'read-only: commit and abort are off');
		await s.press('y', `copied ${job.jobId}`); // In the list, y copies: there was no prompt to answer.
		await s.press('X', 'read-only: commit and abort are off');
		expect(s.changes()).toEqual([]);
		expect(s.demo.requests().map(entry => entry.path).filter(path => !/\/(?:jobs\/import\/list|databases\/list|collections\/list)$/v.test(path))).toEqual([]);
	});
});

describe('a Milvus 2.6 server', () => {
	test('told apart on the first 404, said once; the keys leave the footer and nothing more is sent', async () => {
		const s = await start('2.6');
		const job = s.first('Importing');
		await s.select(job.jobId);
		await s.press('X', '[y/N]');
		await s.press('y', 'this server cannot commit or abort imports (Milvus 3.0+ only)');
		await eventually(() => {
			expect(s.frame()).not.toMatch(/C commit|X abort/v);
		});
		await s.press('C', 'this server cannot commit or abort imports');
		expect(s.changes()).toEqual(['/v2/vectordb/jobs/import/abort']);
		expect(s.rowOf(job.jobId)).toContain('Importing');
	});
});
