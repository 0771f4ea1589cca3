import {Buffer} from 'node:buffer';
import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {App} from '../source/app.js';
import type {Config} from '../source/config/config.js';
import {createFakeClient, job, type FakeClient} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually, tick} from './helpers/wait.js';

const down = '\u001B[B';
const enter = '\r';
const escape = '\u001B';

afterEach(() => {
	cleanup();
});

const start = (config: Partial<Config> = {}) => {
	const fake = createFakeClient();
	const onExit = vi.fn<(code: number) => void>();
	let clock = 1_700_000_000_000;
	const now = () => clock;
	const app = render(<App client={fake.client} config={testConfig(config)} serverLabel='http://127.0.0.1:19530' now={now} onExit={onExit}/>);
	// The bell and OSC 52 are written to stdout between frames: the frame is the last write that is neither.
	const frame = () => app.stdout.frames.findLast(chunk => chunk !== '\u0007' && !chunk.startsWith('\u001B]52;')) ?? '';
	const advance = (ms: number) => {
		clock += ms;
	};

	return {
		fake, app, frame, onExit, advance,
	};
};

const firstPoll = async (fake: FakeClient, frame: () => string, jobs = [
	job('101', 'Importing', 40),
	job('102', 'Failed', 0, {reason: 'import timeout'}),
	job('103', 'Completed', 100, {collectionName: 'movies'}),
]) => {
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	fake.answerList(jobs);
	await eventually(() => {
		expect(frame()).toContain(jobs[0]!.jobId);
	});
};

describe('App', () => {
	test('shows the header, then the rows of the first poll', async () => {
		const {fake, frame} = start();
		await eventually(() => {
			expect(frame()).toContain('waiting for first poll');
		});
		expect(frame()).toContain('loading…');
		await firstPoll(fake, frame);
		const text = frame();
		expect(text).toContain('http://127.0.0.1:19530  db default  all collections  every 1s');
		expect(text).toMatch(/◐ Importing\s+101\s+books/v);
		expect(text).toMatch(/✗ Failed\s+102\s+books .*import timeout/v);
		expect(text).toMatch(/✓ Completed\s+103\s+movies/v);
		expect(text).toContain('showing 3 of 3 jobs');
	});

	test('the frame is at most rows - 1 lines', async () => {
		const {fake, frame} = start();
		await firstPoll(fake, frame, Array.from({length: 60}, (_, index) => job(String(1000 + index), 'Importing', index)));
		// Ink-testing-library reports no rows: the app assumes 24.
		expect(frame().split('\n').length).toBeLessThanOrEqual(23);
		expect(frame()).toContain('1000');
		expect(frame()).not.toContain('1059');
	});

	test('filters as you type: q edits the filter instead of quitting; Enter keeps it', async () => {
		const {fake, frame, app, onExit} = start();
		await firstPoll(fake, frame);
		app.stdin.write('/');
		await eventually(() => {
			expect(frame()).toContain('Enter keep');
		});
		// Two keys before any frame: the second must not undo the first.
		app.stdin.write('m');
		app.stdin.write('o');
		await eventually(() => {
			expect(frame()).toContain('showing 1 of 3 jobs');
		});
		expect(frame()).toContain('103');
		expect(frame()).not.toMatch(/Importing\s+101/v);
		app.stdin.write('q');
		await eventually(() => {
			expect(frame()).toContain('filter "moq"');
		});
		expect(onExit).not.toHaveBeenCalled();
		app.stdin.write('\u007F');
		await eventually(() => {
			expect(frame()).toContain('filter "mo"');
		});
		app.stdin.write(enter);
		await eventually(() => {
			expect(frame()).not.toContain('Enter keep');
		});
		expect(frame()).toContain('filter "mo"');
		expect(frame()).toContain('showing 1 of 3 jobs');
	});

	test('Esc in the filter box clears the filter; a leading ! inverts', async () => {
		const {fake, frame, app} = start();
		await firstPoll(fake, frame);
		app.stdin.write('/');
		await tick();
		for (const char of '!books') {
			app.stdin.write(char);
			await tick(); // eslint-disable-line no-await-in-loop
		}

		await eventually(() => {
			expect(frame()).toContain('showing 1 of 3 jobs');
		});
		app.stdin.write(escape);
		await eventually(() => {
			expect(frame()).toContain('showing 3 of 3 jobs');
		});
		expect(frame()).not.toContain('filter "');
	});

	test('the selection follows its job when the rows reorder', async () => {
		const {fake, frame, app} = start({initialSort: {column: 'progress', reverse: false}});
		await firstPoll(fake, frame, [job('201', 'Importing', 10), job('202', 'Importing', 50), job('203', 'Importing', 90)]);
		app.stdin.write(down);
		await eventually(() => {
			expect(frame()).toMatch(/► +◐ Importing +202/v);
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('201', 'Importing', 95), job('202', 'Importing', 50), job('203', 'Importing', 5)]);
		await eventually(() => {
			expect(frame()).toMatch(/203[^\n]*\n[^\n]*202[^\n]*\n[^\n]*201/v);
		});
		expect(frame()).toMatch(/► +◐ Importing +202/v);
	});

	test('a failed poll keeps the last rows, marked stale with a one-line reason; recovery is automatic', async () => {
		const {fake, frame} = start({intervalMs: 500});
		await firstPoll(fake, frame);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.failList({kind: 'unreachable', detail: 'http://127.0.0.1:19530 (connection refused)'});
		await eventually(() => {
			expect(frame()).toContain('STALE');
		});
		expect(frame()).toContain('cannot reach http://127.0.0.1:19530 (connection refused)');
		expect(frame()).toContain('retry in');
		expect(frame()).toMatch(/Importing\s+101/v);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		}, 5000);
		fake.answerList([job('101', 'Completed', 100)]);
		await eventually(() => {
			expect(frame()).not.toContain('STALE');
		});
		expect(frame()).toMatch(/✓ Completed\s+101/v);
		expect(frame()).toContain('recovered (last error');
	});

	test('Enter opens the details of the selected job, Esc returns', async () => {
		const {fake, frame, app} = start();
		await firstPoll(fake, frame);
		app.stdin.write(down);
		await tick();
		app.stdin.write(enter);
		await eventually(() => {
			expect(fake.describes).toHaveLength(1);
		});
		expect(fake.describes[0]!.jobId).toBe('102');
		expect(frame()).toContain('Job 102  books  loading…');
		fake.answerDescribe({
			...job('102', 'Failed', 0, {reason: 'import timeout'}),
			importedRows: 0,
			totalRows: 1000,
			fileSize: 2048,
			createTime: '2026-11-28 10:00:00',
			completeTime: '',
			files: [{
				fileName: 'part-0.parquet', fileSize: 2048, state: 'Failed', progress: 0, importedRows: 0, totalRows: 1000, completeTime: '', reason: 'schema mismatch',
			}],
		});
		await eventually(() => {
			expect(frame()).toContain('part-0.parquet');
		});
		expect(frame()).toContain('Rows       0 / 1,000');
		expect(frame()).toContain('Reason     import timeout');
		app.stdin.write(escape);
		await eventually(() => {
			expect(frame()).toContain('showing 3 of 3 jobs');
		});
	});

	test('q quits with 0', async () => {
		const {fake, frame, app, onExit} = start();
		await firstPoll(fake, frame);
		app.stdin.write('q');
		await eventually(() => {
			expect(onExit).toHaveBeenCalledWith(0);
		});
	});

	test('the Ctrl-C key exits as a SIGINT would: 130 (README "Exit codes")', async () => {
		const {fake, frame, app, onExit} = start();
		await firstPoll(fake, frame);
		app.stdin.write('\u0003');
		await eventually(() => {
			expect(onExit).toHaveBeenCalledWith(130);
		});
	});
});

describe('App: pickers, wait, clipboard, size', () => {
	test('c opens the collection picker; Enter switches, aborting the request in flight', async () => {
		const {fake, frame, app} = start();
		await firstPoll(fake, frame);
		await eventually(() => {
			expect(fake.collections).toHaveLength(1);
		});
		fake.answerCollections(['books', 'movies']);
		app.stdin.write('c');
		await eventually(() => {
			expect(frame()).toContain('Collections');
		});
		expect(frame()).toContain('► all collections  (watching)');
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		const inFlight = fake.lists[0]!;
		app.stdin.write('j');
		await tick();
		app.stdin.write('j');
		await eventually(() => {
			expect(frame()).toContain('► movies');
		});
		app.stdin.write(enter);
		await eventually(() => {
			expect(frame()).toContain('db default  movies  every 1s');
		});
		await eventually(() => {
			expect(inFlight.signal?.aborted).toBe(true);
		});
		await eventually(() => {
			expect(fake.lists.at(-1)?.options.collectionName).toBe('movies');
		});
		fake.answerList([job('103', 'Completed', 100, {collectionName: 'movies'})]);
		await eventually(() => {
			expect(frame()).toContain('showing 1 of 1 jobs');
		});
		app.stdin.write('[');
		await eventually(() => {
			expect(frame()).toContain('db default  books  every 1s');
		});
	});

	test('no database picker where databases/list is not supported', async () => {
		const {fake, frame, app} = start();
		await firstPoll(fake, frame);
		expect(frame()).toContain('d database');
		await eventually(() => {
			expect(fake.databases).toHaveLength(1);
		});
		fake.answerDatabases({ok: false, error: {kind: 'not-supported', endpoint: '/v2/vectordb/databases/list'}});
		await eventually(() => {
			expect(frame()).not.toContain('d database');
		});
		app.stdin.write('d');
		await tick();
		expect(frame()).not.toContain('Databases');
	});

	test('wait: exits 1 once a watched job fails, 0 when all complete', async () => {
		const failing = createFakeClient();
		const onExit = vi.fn<(code: number) => void>();
		const app = render(<App
			client={failing.client} config={testConfig({intervalMs: 500})} serverLabel='s'
			wait={{
				jobIds: ['1', '2'], filter: {text: '', states: []}, retries: 3, uri: 's',
			}} onExit={onExit}/>);
		await eventually(() => {
			expect(failing.lists).toHaveLength(1);
		});
		failing.answerList([job('1', 'Importing', 50), job('2', 'Importing', 50)]);
		await eventually(() => {
			expect(app.lastFrame()).toContain('Importing 2');
		});
		expect(onExit).not.toHaveBeenCalled();
		await eventually(() => {
			expect(failing.lists).toHaveLength(1);
		});
		failing.answerList([job('1', 'Completed', 100), job('2', 'Failed', 0, {reason: 'bad file'})]);
		await eventually(() => {
			expect(onExit).toHaveBeenCalledWith(1, [{stream: 'err', text: 'milvus-import-top: job 2 (books) failed: bad file\n'}]);
		});

		const passing = createFakeClient();
		const done = vi.fn<(code: number) => void>();
		render(<App
			client={passing.client} config={testConfig()} serverLabel='s'
			wait={{
				jobIds: ['1'], filter: {text: '', states: []}, retries: 3, uri: 's',
			}} onExit={done}/>);
		await eventually(() => {
			expect(passing.lists).toHaveLength(1);
		});
		passing.answerList([job('1', 'Completed', 100)]);
		await eventually(() => {
			expect(done).toHaveBeenCalledWith(0, [{stream: 'out', text: 'all 1 watched job completed\n'}]);
		});
	});

	test('y writes the job id to the clipboard with OSC 52; the bell rings on a new failure', async () => {
		const {fake, frame, app} = start({bell: true, intervalMs: 500});
		await firstPoll(fake, frame);
		app.stdin.write('y');
		await eventually(() => {
			expect(frame()).toContain('copied 101');
		});
		const written = app.stdout.frames.join('');
		expect(written).toContain(`\u001B]52;c;${Buffer.from('101').toString('base64')}\u0007`);
		expect(written).not.toContain('\u0007\u0007');
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		const before = app.stdout.frames.filter(chunk => chunk === '\u0007').length;
		fake.answerList([job('101', 'Failed', 0, {reason: 'x'}), job('102', 'Failed', 0), job('103', 'Completed', 100)]);
		await eventually(() => {
			expect(frame()).toContain('failures seen 1');
		});
		await eventually(() => {
			expect(app.stdout.frames.filter(chunk => chunk === '\u0007').length).toBe(before + 1);
		});
	});

	test('too small a terminal says what it needs; resizing re-lays out at once', async () => {
		const {fake, frame, app} = start();
		await firstPoll(fake, frame);
		Object.defineProperty(app.stdout, 'columns', {value: 50, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 8, configurable: true});
		app.stdout.emit('resize');
		await eventually(() => {
			expect(frame()).toBe('terminal too small: need 64×10 (have 50×8)');
		});
		Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
		Object.defineProperty(app.stdout, 'rows', {value: 12, configurable: true});
		app.stdout.emit('resize');
		await eventually(() => {
			expect(frame()).toContain('showing 3 of 3 jobs');
		});
		expect(frame().split('\n').length).toBeLessThanOrEqual(11);
	});
});
