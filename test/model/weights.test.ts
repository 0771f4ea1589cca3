import {describe, expect, test} from 'vitest';
import type {FileDetail, JobDetail} from '../../source/model/jobs/job.js';
import {weightsOf} from '../../source/model/select/weights.js';
import {isImportV3} from '../../source/model/store/reduce-weights.js';
import {reducer} from '../../source/model/store/reducer.js';
import {job, poll, start} from './make.js';

const file = (state: string, completeTime: string): FileDetail => ({
	fileName: 'a.parquet', fileSize: 1, state, progress: 100, importedRows: 1, totalRows: 1, completeTime, reason: '',
});

const detail = (progress: number, files: readonly FileDetail[], state = 'Importing'): JobDetail => ({
	...job('1', {state, progress}), importedRows: 1, totalRows: 1, fileSize: 1, createTime: '', completeTime: '', files,
});

describe('Import V3 told apart by its describe (docs/milvus-rest.md#progress)', () => {
	test.each([
		['reshard tasks listed below 40 %', detail(30, [file('InProgress', '')]), true],
		['a completed file without completeTime', detail(75, [file('Completed', '')]), true],
		['V2: a completed task has its time', detail(75, [file('Completed', '2026-01-01T00:00:00Z')]), false],
		['V2: no task listed before 40 %', detail(30, []), false],
		['V2: importing rows, tasks in progress', detail(55, [file('InProgress', '')]), false],
	])('%s → %s', (_name, answer, expected) => {
		expect(isImportV3(answer)).toBe(expected);
	});

	test('a job shown V3 reads the V3 weights; the others keep the server\'s, which may be unknown', () => {
		let state = poll(start({weights: undefined}), 0, [job('1'), job('2')]);
		state = reducer(state, {
			type: 'detail-loaded', at: 1, jobId: '1', result: {ok: true, value: detail(30, [file('InProgress', '')])},
		});
		expect(weightsOf({jobId: '1'}, state)).toBe('v3');
		expect(weightsOf({jobId: '2'}, state)).toBeUndefined();
		state = reducer(state, {type: 'set-weights', weights: 'v2.5'});
		expect(weightsOf({jobId: '2'}, state)).toBe('v2.5');
		expect(weightsOf({jobId: '1'}, state)).toBe('v3');
	});
});
