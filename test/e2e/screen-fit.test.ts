import {
	afterAll, beforeAll, describe, expect, test,
} from 'vitest';
import {sendJson, startScriptedServer, type ScriptedServer} from '../helpers/http-server.js';
import {keys, type Term} from '../helpers/term.js';
import {count, startCli} from './cli.js';

/*
Issue #11's screen defects, each seen in a real terminal (tmux 3.3a, xterm.js), checked here in one: a
PTY read by a headless xterm, against a Milvus that answers list and describe with the jobs that showed them.
*/

const reason = `failed to read s3://bucket/${'part-0001/'.repeat(400)}x.parquet`;
const collection300 = 'c'.repeat(300);
// Zero-width space, zero-width non-joiner, soft hyphen, word joiner: none takes a cell.
const zeroWidth = 'mo\u200Bvi\u200Ces\u00AD\u2060';
const jobs: ReadonlyArray<readonly [jobId: string, collection: string, state: string, progress: number, reason?: string]> = [
	['454891732197000001', 'books', 'Failed', 0, reason],
	['454891732197000002', zeroWidth, 'Importing', 40],
	['454891732197000003', 'clicks', 'Pending', 0],
	['454891732197000004', 'events', 'Uncommitted', 99],
	['454891732197000005', 'products', 'Committing', 99],
	['454891732197000006', collection300, 'Completed', 100],
];

const record = ([jobId, collectionName, state, progress, why]: typeof jobs[number]) => ({
	jobId, collectionName, state, progress, ...(why === undefined ? {} : {reason: why}),
});

const detail = (job: typeof jobs[number]) => ({
	...record(job),
	importedRows: 0,
	totalRows: 1000,
	fileSize: 3 * 1024 * 1024,
	createTime: '2026-12-06T05:00:00Z',
	completeTime: '',
	details: [0, 1, 2].map(index => ({
		fileName: `[dir/part-${index}.parquet]`, fileSize: 1024 * 1024, state: 'Failed', progress: 0, importedRows: 0, totalRows: 100, completeTime: '', reason: 'dimension mismatch',
	})),
});

let server: ScriptedServer;
const running: Term[] = [];

beforeAll(async () => {
	server = await startScriptedServer((request, response) => {
		if (request.path === '/v2/vectordb/jobs/import/list') {
			sendJson(response, {code: 0, data: {records: jobs.map(job => record(job))}});
			return;
		}

		if (request.path === '/v2/vectordb/jobs/import/describe') {
			const body: unknown = JSON.parse(request.body);
			const jobId: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'jobId') : undefined;
			const job = jobs.find(([id]) => id === jobId);
			sendJson(response, job === undefined ? {code: 2100, message: 'import job does not exist'} : {code: 0, data: detail(job)});
			return;
		}

		response.writeHead(404, {'Content-Type': 'text/plain'});
		response.end('404 page not found');
	});
});

afterAll(async () => {
	for (const term of running) {
		term.kill('SIGKILL');
	}

	await server.close();
});

const open = async (cols: number, rows: number): Promise<Term> => {
	const term = startCli(['--uri', server.url, '--interval', '0.5'], {cols, rows});
	running.push(term);
	// A Failed row shows no percentage (it failed before the first poll), which jobRows needs: count the ids.
	await term.waitFor(screen => jobs.every(([id]) => screen.includes(id)), 'the job rows', 15_000);
	return term;
};

const quit = async (term: Term): Promise<void> => {
	term.write('q');
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
};

const labels = ['State', 'Progress', 'In state', 'Rows', 'File size', 'Created', 'Completed', 'Reason', 'Files'];

describe('the detail view fits the terminal', () => {
	test('a reason of thousands of characters takes 6 lines ending in …, and the Files table below it is whole', async () => {
		const term = await open(110, 40);
		term.write(keys.enter);
		await term.waitForText('Files (3)');
		// The table's last row and its bottom rule: a frame can reach the terminal in more than one chunk (CI once
		// read the screen between the last row and the rule).
		await term.waitFor(screen => screen.includes('dir/part-2.parquet') && screen.split('\n').some(line => line.startsWith('└')), 'the Files table drawn to its bottom rule');
		const screen = term.screen();
		const start = screen.findIndex(line => line.startsWith('Reason     failed to read s3://bucket/'));
		const files = screen.indexOf('Files (3)');
		expect(files - start).toBe(6);
		expect(screen[files - 1]!.endsWith('…')).toBe(true);
		expect(screen[files + 1]!.startsWith('┌')).toBe(true);
		for (const index of [0, 1, 2]) {
			expect(count(screen.join('\n'), `dir/part-${index}.parquet`)).toBe(1);
		}

		expect(screen.filter(line => line.startsWith('└'))).toHaveLength(1);
		await quit(term);
	});

	test('at 64×10 to 64×13 the title keeps its line and no two fields share one', async () => {
		const term = await open(64, 14);
		term.write(keys.enter);
		// Loaded: the title says `loading…` until describe has answered.
		const loaded = (screen: string): boolean => screen.includes('Reason     failed to read') && !screen.includes('loading…');
		const {url} = server;
		const laidOut = (screen: string, rows: number): boolean => {
			const shown = screen.split('\n');
			return shown.length === rows && loaded(screen) && shown[0]!.includes(url) && shown[rows - 2]!.includes('Esc back') && shown[rows - 1] === '';
		};

		await term.waitFor(loaded, 'the detail view loaded');
		for (const rows of [13, 12, 11, 10]) {
			term.resize(64, rows);
			// Laid out for this size (xterm's crop of the last one shows until the app repaints): the header on
			// the first row, the footer on the one before the last, which a frame of rows − 1 lines leaves blank.
			// eslint-disable-next-line no-await-in-loop
			await term.waitFor(screen => laidOut(screen, rows), `the detail view at 64×${rows}`);
			const screen = term.screen();
			const title = screen.findIndex(line => line.startsWith('Job '));
			expect(screen[title], `64×${rows}`).toBe('Job 454891732197000001  books  ·  Esc to go back');
			expect(screen[title + 1], `64×${rows}`).toMatch(/^State +✗ Failed$/v);
			for (const line of screen.slice(title + 1)) {
				expect(labels.filter(label => line.startsWith(`${label} `) || line.includes(`  ${label} `)).length, `64×${rows}: ${line}`).toBeLessThanOrEqual(1);
			}

			expect(screen.some(line => line.startsWith('Reason     failed to read')), `64×${rows}`).toBe(true);
			expect(count(screen.join('\n'), 'Esc back'), `64×${rows}`).toBe(1);
		}

		await quit(term);
	});

	test('a title with zero-width characters is whole', async () => {
		const term = await open(64, 14);
		term.write(keys.down);
		term.write(keys.enter);
		await term.waitFor(screen => screen.includes('Job 454891732197000002') && screen.includes('State      ◐ Importing') && !screen.includes('loading…'), 'the detail view loaded');
		expect(term.screen()).toContain('Job 454891732197000002  movies  ·  Esc to go back');
		await quit(term);
	});
});

test('at 120 columns the header shows every per-state count whole, with its label', async () => {
	const term = await open(120, 30);
	const counts = term.screen()[1]!;
	for (const label of ['✗ Failed 1', '◐ Importing 1', '○ Pending 1', '◇ Uncommitted 1', '◆ Committing 1', '✓ Completed 1']) {
		expect(counts).toContain(label);
	}

	expect(counts).not.toContain('…');
	await quit(term);
});

test('--once on a terminal: a 300-character collection is cut with … at its column\'s cap; the reason is not (only sanitize\'s 1,000-character cap on server text)', async () => {
	const term = startCli(['--uri', server.url, '--once'], {cols: 120, rows: 30});
	running.push(term);
	expect(await term.waitForExit()).toBe(0);
	const lines = term.output().replaceAll(/\u001B\[[\d;]*m/gv, '').split(/\r?\n/v).filter(line => line !== '');
	expect(lines).toHaveLength(jobs.length + 1);
	const completed = lines.find(line => line.includes('454891732197000006'))!;
	expect(completed).toMatch(/ c{40,60}… +Completed +100%$/v);
	expect(completed.length).toBeLessThan(120);
	expect(lines.find(line => line.includes('454891732197000001'))).toContain(reason.slice(0, 990));
});
