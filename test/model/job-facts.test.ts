import {describe, expect, test} from 'vitest';
import {detailWants} from '../../source/model/select/detail-wants.js';
import type {JobFacts} from '../../source/model/jobs/job.js';
import {reducer} from '../../source/model/store/reducer.js';
import {
	allScope, job, poll, start, tracked,
} from './make.js';

const facts = (jobId: string, fields: Partial<JobFacts> = {}): JobFacts => ({
	jobId, at: 0, state: 'Importing', progress: undefined, createdAt: undefined, completedAt: undefined, ...fields,
});

const load = (state: ReturnType<typeof start>, ...list: readonly JobFacts[]) => reducer(state, {type: 'facts-loaded', scope: allScope, facts: list});

describe('progress where the list has none (Zilliz Cloud)', () => {
	test('describe fills it, with its age; the next poll without progress keeps it', () => {
		let state = poll(start(), 1000, [job('a', {progress: undefined})]);
		expect(state.jobs.get('a')?.progress).toBeUndefined();
		state = load(state, facts('a', {at: 1500, progress: 42}));
		expect(state.jobs.get('a')).toMatchObject({progress: 42, progressAt: 1500, lastRunProgress: 42});
		state = poll(state, 3000, [job('a', {progress: undefined})]);
		expect(state.jobs.get('a')).toMatchObject({progress: 42, progressAt: 1500});
	});

	test('the list\'s own progress wins and clears the age', () => {
		let state = poll(start(), 1000, [job('a', {progress: undefined})]);
		state = load(state, facts('a', {at: 1500, progress: 42}));
		state = poll(state, 3000, [job('a', {progress: 50})]);
		expect(state.jobs.get('a')).toMatchObject({progress: 50, progressAt: undefined});
	});

	test('an older answer does not overwrite a newer one; facts for another scope are dropped', () => {
		let state = poll(start(), 1000, [job('a', {progress: undefined})]);
		state = load(state, facts('a', {at: 2000, progress: 60}), facts('a', {at: 1500, progress: 40}));
		expect(state.jobs.get('a')?.progress).toBe(60);
		const other = reducer(state, {type: 'facts-loaded', scope: {dbName: 'x', collectionName: undefined}, facts: [facts('a', {at: 3000, progress: 70})]});
		expect(other).toBe(state);
	});

	test('a job whose list record has progress is asked nothing about it', () => {
		const state = poll(start(), 1000, [job('a', {progress: 30}), job('b', {progress: undefined})]);
		expect(detailWants(state.jobs.values())).toEqual([{jobId: 'b', need: 'progress'}]);
	});
});

describe('failed at', () => {
	test('the last progress seen before the failure is kept (Milvus drops it to 0)', () => {
		let state = poll(start(), 1000, [job('a', {progress: 40})]);
		state = poll(state, 3000, [job('a', {progress: 63})]);
		state = poll(state, 5000, [job('a', {state: 'Failed', progress: 0, reason: 'import timeout'})]);
		expect(state.jobs.get('a')).toMatchObject({state: 'Failed', progress: 0, lastRunProgress: 63});
	});

	test('a job already failed at the first poll has none', () => {
		const state = poll(start(), 1000, [job('a', {state: 'Failed', progress: 0})]);
		expect(state.jobs.get('a')?.lastRunProgress).toBeUndefined();
	});
});

describe('time in state', () => {
	test('jobs present at the first poll are a lower bound; a change seen between polls is exact', () => {
		let state = poll(start(), 1000, [job('a'), job('b', {state: 'Pending'})]);
		expect(state.jobs.get('a')?.sinceExact).toBe(false);
		state = poll(state, 3000, [job('a'), job('b'), job('c', {state: 'Pending'})]);
		expect(state.jobs.get('b')).toMatchObject({sinceExact: true, stateSince: 3000});
		expect(state.jobs.get('c')).toMatchObject({sinceExact: true, stateSince: 3000});
		expect(state.jobs.get('a')).toMatchObject({sinceExact: false, stateSince: 1000});
	});

	test('completeTime gives a finished job its true time; createTime a Pending one', () => {
		let state = poll(start(), 10_000_000, [job('done', {state: 'Completed'}), job('wait', {state: 'Pending'}), job('run')]);
		expect(detailWants(state.jobs.values())).toEqual([{jobId: 'done', need: 'times'}, {jobId: 'wait', need: 'times'}]);
		state = load(
			state,
			facts('done', {
				at: 10_000_500, state: 'Completed', progress: 100, completedAt: 2_000_000,
			}),
			facts('wait', {
				at: 10_000_500, state: 'Pending', progress: 0, createdAt: 9_000_000,
			}),
			facts('run', {at: 10_000_500, createdAt: 1_000_000}),
		);
		expect(state.jobs.get('done')).toMatchObject({stateSince: 2_000_000, sinceExact: true});
		expect(state.jobs.get('wait')).toMatchObject({stateSince: 9_000_000, sinceExact: true});
		// A running job's createTime is not when it started Importing: it stays a lower bound.
		expect(state.jobs.get('run')).toMatchObject({stateSince: 10_000_000, sinceExact: false});
		expect(detailWants(state.jobs.values())).toEqual([]);
	});

	test('a server that gives no completeTime leaves the bound', () => {
		let state = poll(start(), 1000, [job('done', {state: 'Completed'})]);
		state = load(state, facts('done', {at: 1500, state: 'Completed', progress: 100}));
		expect(state.jobs.get('done')?.sinceExact).toBe(false);
	});

	test('gone jobs are not asked about', () => {
		expect(detailWants([tracked('x', {state: 'Completed', gone: 'expired'})])).toEqual([]);
	});
});
