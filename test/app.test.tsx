import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {App} from '../source/app.js';
import {createFakeClient, job, type FakeClient} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually, tick} from './helpers/wait.js';
import type {Config} from '../source/config.js';

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
	const app = render(<App client={fake.client} config={testConfig(config)} serverLabel='http://127.0.0.1:19530' onExit={onExit} now={now}/>);
	const frame = () => app.lastFrame() ?? '';
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
		expect(text).toMatch(/◐ Importing\s+101\s+books/);
		expect(text).toMatch(/✗ Failed\s+102\s+books .*import timeout/);
		expect(text).toMatch(/✓ Completed\s+103\s+movies/);
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
		expect(frame()).not.toMatch(/Importing\s+101/);
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
			expect(frame()).toMatch(/► +◐ Importing +202/);
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('201', 'Importing', 95), job('202', 'Importing', 50), job('203', 'Importing', 5)]);
		await eventually(() => {
			expect(frame()).toMatch(/203[^\n]*\n[^\n]*202[^\n]*\n[^\n]*201/);
		});
		expect(frame()).toMatch(/► +◐ Importing +202/);
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
		expect(frame()).toMatch(/Importing\s+101/);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		}, 5000);
		fake.answerList([job('101', 'Completed', 100)]);
		await eventually(() => {
			expect(frame()).not.toContain('STALE');
		});
		expect(frame()).toMatch(/✓ Completed\s+101/);
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
});
