import {describe, expect, test} from 'vitest';
import type {FileDetail, JobDetail} from '../../source/model/jobs/job.js';
import {phaseHint} from '../../source/model/jobs/rates.js';
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

describe('several contexts: each row reads its own server\'s weights', () => {
	test('a 2.4.0 and a 2.5 side by side, and a context that cannot tell (Zilliz Cloud): each row its own way', () => {
		const at75 = (context: string) => job(`${context}/1`, {progress: 75, context});
		let state = poll(start({weights: undefined, contexts: ['old', 'new', 'cloud']}), 0, [at75('old'), at75('new'), at75('cloud')]);
		const hint = (context: string): string | undefined => phaseHint(state.jobs.get(`${context}/1`)!, weightsOf(state.jobs.get(`${context}/1`)!, state));
		expect([hint('old'), hint('new'), hint('cloud')]).toEqual([undefined, undefined, undefined]);
		state = reducer(state, {type: 'set-weights', weights: 'v2.4.0', context: 'old'});
		state = reducer(state, {type: 'set-weights', weights: 'v2.5', context: 'new'});
		state = reducer(state, {type: 'set-weights', weights: undefined, context: 'cloud'});
		// 75 % is still rows on 2.4.0 (they run to 100), sorting on 2.5; the cloud row shows its progress only.
		expect([hint('old'), hint('new'), hint('cloud')]).toEqual(['importing rows', 'sorting', undefined]);
		// The single server's weights do not leak into a context's rows.
		state = reducer(state, {type: 'set-weights', weights: 'v2.4.13'});
		expect(hint('cloud')).toBeUndefined();
		expect(weightsOf({jobId: 'x'}, state)).toBe('v2.4.13');
	});

	test('setting a context\'s weights again to the same value keeps the state', () => {
		const state = reducer(start({contexts: ['a', 'b']}), {type: 'set-weights', weights: 'v2.5', context: 'a'});
		expect(reducer(state, {type: 'set-weights', weights: 'v2.5', context: 'a'})).toBe(state);
		expect(reducer(state, {type: 'set-weights', weights: 'v2.4.0', context: 'a'}).contextWeights.get('a')).toBe('v2.4.0');
	});
});
