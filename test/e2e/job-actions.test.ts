import {
	afterEach, describe, expect, test,
} from 'vitest';
import type {DemoServer, Flavor} from '../../source/demo/index.js';
import {keys, type Term} from '../helpers/term.js';
import {jobRows, startCli, startSeededDemo} from './cli.js';

/**
Commit and abort from the live screen (issue #12), in a real terminal against the demo server. What the
app sent is read from the server's request log, not inferred from the screen.
*/

let server: DemoServer | undefined;
let term: Term | undefined;
afterEach(async () => {
	term?.kill('SIGKILL');
	term = undefined;
	await server?.close();
	server = undefined;
});

type Row = {readonly jobId: string; readonly collectionName: string; readonly state: string; readonly reason?: string};

const list = async (demo: DemoServer): Promise<Row[]> => {
	const response = await fetch(`${demo.url}/v2/vectordb/jobs/import/list`, {method: 'POST', body: '{}'});
	const body = await response.json() as {data: {records: Row[]}}; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the demo's own shape
	return body.data.records;
};

const firstIn = async (demo: DemoServer, state: string): Promise<Row> => {
	const rows = await list(demo);
	const row = rows.filter(each => each.state === state).toSorted((a, b) => a.jobId.localeCompare(b.jobId))[0];
	if (row === undefined) {
		throw new Error(`no ${state} job in the demo seed`);
	}

	return row;
};

/** Requests that would change something, from the server's own log. */
const changes = (demo: DemoServer): string[] => demo.requests().map(entry => entry.path).filter(path => /\/(?:commit|abort)$/v.test(path));

const open = async (flavor: Flavor, args: readonly string[] = []): Promise<{demo: DemoServer; term: Term}> => {
	server = await startSeededDemo(0, flavor);
	term = startCli(['--uri', server.url, '--interval', '0.5', ...args]);
	await term.waitFor(screen => jobRows(screen).length >= 5, 'the job rows', 15_000);
	return {demo: server, term};
};

/** Filters the list down to one job, so it is the selected row. */
const select = async (screen: Term, jobId: string): Promise<void> => {
	screen.write('/');
	await screen.waitForText('Esc clear');
	screen.write(jobId);
	await screen.waitFor(text => {
		const rows = jobRows(text);
		return rows.length === 1 && rows[0]!.jobId === jobId;
	}, `only job ${jobId}`, 10_000);
	screen.write(keys.enter);
	await screen.waitForText('/ filter'); // Back on the list's keys, the filter kept.
};

const rowOf = (screen: Term, jobId: string): string => jobRows(screen.text()).find(row => row.jobId === jobId)?.line ?? '';

describe('Milvus 3.0: C commits, X aborts, after a [y/N] naming job and collection', () => {
	test('commit an Uncommitted job: y sends one commit, the row moves to Committing', async () => {
		const {demo, term: screen} = await open('3.0');
		const job = await firstIn(demo, 'Uncommitted');
		await select(screen, job.jobId);
		expect(screen.text()).toMatch(/C commit +X abort/v);
		screen.write('C');
		await screen.waitForText(`Commit job ${job.jobId} of collection ${job.collectionName}?`);
		expect(screen.text()).toMatch(/\[y\/N\]/v);
		expect(changes(demo)).toEqual([]); // Asking sends nothing.
		screen.write('y');
		await screen.waitForText(`commit sent: job ${job.jobId} (Milvus accepted it)`);
		await screen.waitFor(() => rowOf(screen, job.jobId).includes('Committing'), 'the row to show Committing', 10_000);
		expect(changes(demo)).toEqual(['/v2/vectordb/jobs/import/commit']);
	});

	test('abort an Uncommitted job: the row turns Failed with the reason', async () => {
		const {demo, term: screen} = await open('3.0');
		const job = await firstIn(demo, 'Uncommitted');
		await select(screen, job.jobId);
		screen.write('X');
		await screen.waitForText(`Abort job ${job.jobId} of collection ${job.collectionName}?`);
		screen.write('y');
		await screen.waitForText(`abort sent: job ${job.jobId} (Milvus accepted it)`);
		await screen.waitFor(() => /Failed.*aborted/v.test(rowOf(screen, job.jobId)), 'the row to show Failed, aborted', 10_000);
		expect(changes(demo)).toEqual(['/v2/vectordb/jobs/import/abort']);
	});

	test('Milvus\' refusal is shown with its message (abort of an auto_commit=true job)', async () => {
		const {demo, term: screen} = await open('3.0');
		const job = await firstIn(demo, 'Importing');
		await select(screen, job.jobId);
		screen.write('X');
		await screen.waitForText('[y/N]');
		screen.write('y');
		await screen.waitForText(`Milvus refused to abort job ${job.jobId} (code 2101)`);
		await screen.waitForText('abort not allowed');
		expect(changes(demo)).toEqual(['/v2/vectordb/jobs/import/abort']);
		expect(rowOf(screen, job.jobId)).toContain('Importing');
	});

	test('any key but y cancels and sends nothing', async () => {
		const {demo, term: screen} = await open('3.0');
		const job = await firstIn(demo, 'Uncommitted');
		await select(screen, job.jobId);
		for (const key of ['n', keys.escape, keys.enter, 'Y']) {
			screen.write('X');
			// eslint-disable-next-line no-await-in-loop -- one prompt at a time
			await screen.waitForText('[y/N]');
			screen.write(key);
			// eslint-disable-next-line no-await-in-loop
			await screen.waitForText('abort cancelled: nothing was sent');
		}

		expect(changes(demo)).toEqual([]);
		expect(rowOf(screen, job.jobId)).toContain('Uncommitted');
	});

	test('a pointless key is refused with the reason, without asking', async () => {
		const {demo, term: screen} = await open('3.0');
		const job = await firstIn(demo, 'Importing');
		await select(screen, job.jobId);
		screen.write('C');
		await screen.waitForText('only an Uncommitted job can be committed; this one is Importing');
		expect(screen.text()).not.toContain('[y/N]');
		expect(changes(demo)).toEqual([]);
	});
});

describe('--read-only', () => {
	test('the keys say read-only and nothing that changes anything is sent (the request log)', async () => {
		const {demo, term: screen} = await open('3.0', ['--read-only']);
		const job = await firstIn(demo, 'Uncommitted');
		await screen.waitForText('C/X read-only');
		await select(screen, job.jobId);
		screen.write('C');
		await screen.waitForText('read-only: commit and abort are off');
		expect(screen.text()).not.toContain('[y/N]');
		screen.write(keys.escape); // Clears the filter: a key that is not C or X, so the notice goes.
		await screen.waitFor(text => !text.includes('read-only: commit'), 'the notice to go', 10_000);
		screen.write('X');
		await screen.waitForText('read-only: commit and abort are off');
		const seen = demo.requests().length;
		await screen.waitFor(() => demo.requests().length > seen + 2, 'a few more polls', 10_000);
		expect(changes(demo)).toEqual([]);
		const reads = new Set(['/v2/vectordb/jobs/import/list', '/v2/vectordb/databases/list', '/v2/vectordb/jobs/import/describe', '/v2/vectordb/collections/list']);
		expect(demo.requests().filter(entry => !reads.has(entry.path))).toEqual([]);
	});
});

describe('a Milvus 2.6 server', () => {
	test('told apart once: the 404 is explained, the keys leave the footer, nothing more is sent, the screen stays whole', async () => {
		const {demo, term: screen} = await open('2.6');
		const job = await firstIn(demo, 'Importing');
		await select(screen, job.jobId);
		screen.write('X');
		await screen.waitForText('[y/N]');
		screen.write('y');
		await screen.waitForText('this server cannot commit or abort imports (Milvus 3.0+ only)');
		await screen.waitFor(text => !text.includes('C commit') && !text.includes('X abort'), 'the keys to leave the footer', 10_000);
		screen.write('X');
		screen.write('C');
		await screen.waitForText('this server cannot commit or abort imports');
		expect(changes(demo)).toEqual(['/v2/vectordb/jobs/import/abort']);
		expect(jobRows(screen.text())).toHaveLength(1);
		expect(screen.text()).toContain('q/Ctrl-C quit');
	});
});
