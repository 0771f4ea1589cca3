import {describe, expect, test} from 'vitest';
import stringWidth from 'string-width';
import type {Job} from '../../source/model/jobs/job.js';
import {formatPlainTable, formatProgress, maxCollectionWidth} from '../../source/modes/plain-table.js';
import {jsonDocument} from '../../source/modes/json-document.js';
import {progressLine} from '../../source/modes/run-wait.js';
import {selectJobs} from '../../source/modes/view.js';

const job = (jobId: string, state: string, progress: number | undefined, extra: Partial<Job> = {}): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '', ...extra,
});

describe('formatPlainTable', () => {
	test('exact layout: two spaces between columns, reason last and uncut, no trailing spaces', () => {
		const text = formatPlainTable([
			job('454891732197474512', 'Failed', 0, {reason: 'import timeout'}),
			job('7', 'Importing', undefined, {collectionName: ''}),
		]);
		expect(text).toBe([
			'JOB ID              COLLECTION  STATE      PROGRESS  REASON',
			'454891732197474512  books       Failed     0%        import timeout',
			'7                   -           Importing  -',
			'',
		].join('\n'));
	});

	test('wide characters are padded by display width', () => {
		const lines = formatPlainTable([job('1', 'Completed', 100, {collectionName: '图书馆'}), job('2', 'Completed', 100, {collectionName: 'ab'})]).split('\n');
		const stateAt = (line: string) => stringWidth(line.slice(0, line.indexOf('Completed')));
		expect(stateAt(lines[1]!)).toBe(stateAt(lines[2]!));
	});

	test('a 300-character collection name is cut (with …) at the column\'s cap, so the other lines stay short; the reason is not cut', () => {
		const reason = 'r'.repeat(400);
		const lines = formatPlainTable([
			job('1', 'Completed', 100, {collectionName: 'c'.repeat(300)}),
			job('2', 'Failed', 0, {collectionName: 'books', reason}),
		]).trimEnd().split('\n');
		expect(lines[1]).toContain(`${'c'.repeat(maxCollectionWidth - 1)}…  Completed`);
		expect(stringWidth(lines[1]!)).toBeLessThan(100);
		expect(lines[2]!.endsWith(reason)).toBe(true);
		expect(stringWidth(lines[2]!)).toBeLessThan(100 + reason.length);
	});

	test('no jobs: just the header', () => {
		expect(formatPlainTable([])).toBe('JOB ID  COLLECTION  STATE  PROGRESS  REASON\n');
	});

	test('formatProgress', () => {
		expect([formatProgress(0), formatProgress(47), formatProgress(undefined)]).toEqual(['0%', '47%', '-']);
	});
});

test('jsonDocument: stable keys, null for missing progress and db', () => {
	const document = jsonDocument([job('1', 'Importing', undefined)], {
		at: Date.UTC(2026, 10, 28, 12, 0, 0), uri: 'http://localhost:19530', dbName: undefined, collections: ['books'],
	});
	// Through text, as a script reads it.
	const text = JSON.stringify(document);
	expect(JSON.parse(text)).toEqual({
		version: 1,
		generatedAt: '2026-11-28T12:00:00.000Z',
		uri: 'http://localhost:19530',
		dbName: null,
		collections: ['books'],
		count: 1,
		jobs: [{
			jobId: '1', collectionName: 'books', state: 'Importing', progress: null, reason: '',
		}],
	});
});

test('progressLine', () => {
	expect(progressLine(Date.UTC(2026, 10, 28, 12, 0, 0, 500), job('1', 'Failed', 0, {reason: 'bad file'})))
		.toBe('2026-11-28T12:00:00Z  1  books  Failed  0%  bad file\n');
});

describe('selectJobs', () => {
	const jobs = [job('3', 'Completed', 100), job('10', 'Importing', 20), job('2', 'Failed', 0, {reason: 'timeout'}), job('1', 'Importing', 80, {collectionName: 'movies'})];
	const view = (overrides: Partial<Parameters<typeof selectJobs>[1]>) => selectJobs(jobs, {
		initialFilter: '', initialStates: [], initialSort: {column: 'state', reverse: false}, ...overrides,
	}, 0).map(selected => selected.jobId);

	test('default: by state (failed first, completed last), ties by numeric id', () => {
		expect(view({})).toEqual(['2', '1', '10', '3']);
	});

	test('jobId sorts numerically, not as text', () => {
		expect(view({initialSort: {column: 'jobId', reverse: false}})).toEqual(['1', '2', '3', '10']);
	});

	test('states and text filter combine', () => {
		expect(view({initialStates: ['Importing']})).toEqual(['1', '10']);
		expect(view({initialStates: ['Importing'], initialFilter: 'movies'})).toEqual(['1']);
		expect(view({initialFilter: '!books'})).toEqual(['1']);
	});

	test('returns plain jobs, no tracking fields', () => {
		expect(selectJobs([job('1', 'Pending', 0)], {initialFilter: '', initialStates: [], initialSort: {column: 'age', reverse: false}}, 5)).toEqual([job('1', 'Pending', 0)]);
	});
});
