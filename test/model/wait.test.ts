import {describe, expect, test} from 'vitest';
import type {Job} from '../../source/model/jobs/job.js';
import {
	startWait, stepWait, waitChanges, waitExitCode, waitVerdict, type WaitState,
} from '../../source/model/jobs/wait.js';

const job = (jobId: string, state: string, progress = 0, extra: Partial<Job> = {}): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '', ...extra,
});
const all = (): boolean => true;

const poll = (state: WaitState, ...lists: Job[][]): WaitState => {
	let current = state;
	for (const jobs of lists) {
		current = stepWait(current, jobs, all);
	}

	return current;
};

describe('--job ids', () => {
	test('waits until every listed id completes', () => {
		let state = poll(startWait(['1', '2']), [job('1', 'Importing', 40), job('2', 'Pending')]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'waiting', done: 0, total: 2});
		state = poll(state, [job('1', 'Completed', 100), job('2', 'Importing', 50), job('3', 'Failed')]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'waiting', done: 1, total: 2});
		state = poll(state, [job('1', 'Completed', 100), job('2', 'Completed', 100)]);
		const verdict = waitVerdict(state, 3);
		expect(verdict).toEqual({kind: 'completed', jobs: [job('1', 'Completed', 100), job('2', 'Completed', 100)]});
	});

	test('any failure ends the wait at once, even with others still running', () => {
		const state = poll(startWait(['1', '2']), [job('1', 'Failed', 0, {reason: 'import timeout'}), job('2', 'Importing', 10)]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'failed', failed: [job('1', 'Failed', 0, {reason: 'import timeout'})]});
	});

	test('an unrelated failed job does not matter', () => {
		const state = poll(startWait(['1']), [job('1', 'Importing'), job('9', 'Failed')]);
		expect(waitVerdict(state, 3).kind).toBe('waiting');
	});

	test('an id the server never lists: waits up to the limit, then missing', () => {
		let state = startWait(['1', 'nope']);
		for (let index = 0; index < 3; index++) {
			state = poll(state, [job('1', 'Importing')]);
			expect(waitVerdict(state, 3).kind).toBe('waiting');
		}

		state = poll(state, [job('1', 'Importing')]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'missing', jobIds: ['nope']});
	});

	test('absence must be consecutive: being listed again resets the count', () => {
		const state = poll(startWait(['1']), [], [], [job('1', 'Importing')], [], []);
		expect(waitVerdict(state, 2).kind).toBe('waiting');
		expect(waitVerdict(poll(state, []), 2).kind).toBe('missing');
	});

	test('a finished job that is garbage-collected keeps its last state', () => {
		const state = poll(startWait(['1', '2']), [job('1', 'Completed', 100), job('2', 'Importing')], [job('2', 'Importing')], [job('2', 'Importing')], [job('2', 'Completed', 100)]);
		expect(waitVerdict(state, 1).kind).toBe('completed');
	});

	test('with limit 0 one absent poll is enough', () => {
		expect(waitVerdict(poll(startWait(['x']), []), 0)).toEqual({kind: 'missing', jobIds: ['x']});
	});
});

describe('filters', () => {
	test('finished jobs at the first poll are history, not watched', () => {
		const state = poll(startWait([]), [job('1', 'Failed'), job('2', 'Completed', 100), job('3', 'Importing')]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'waiting', done: 0, total: 1});
		expect(waitVerdict(poll(state, [job('1', 'Failed'), job('3', 'Completed', 100)]), 3).kind).toBe('completed');
	});

	test('nothing unfinished to wait for', () => {
		expect(waitVerdict(poll(startWait([]), [job('1', 'Completed', 100), job('2', 'Failed')]), 3)).toEqual({kind: 'nothing', ignored: 2});
		expect(waitVerdict(poll(startWait([]), []), 3)).toEqual({kind: 'nothing', ignored: 0});
	});

	test('a matching job that appears later is watched, even if it already failed', () => {
		const state = poll(startWait([]), [job('1', 'Importing')], [job('1', 'Importing'), job('2', 'Failed', 0, {reason: 'bad file'})]);
		expect(waitVerdict(state, 3)).toEqual({kind: 'failed', failed: [job('2', 'Failed', 0, {reason: 'bad file'})]});
	});

	test('only matching jobs are watched, and then followed by id', () => {
		const importing = (candidate: Job): boolean => candidate.collectionName === 'books' && candidate.state === 'Importing';
		let state = stepWait(startWait([]), [job('1', 'Importing'), job('2', 'Importing', 0, {collectionName: 'movies'})], importing);
		expect(waitVerdict(state, 3)).toEqual({kind: 'waiting', done: 0, total: 1});
		state = stepWait(state, [job('1', 'Completed', 100), job('2', 'Failed', 0, {collectionName: 'movies'})], importing);
		expect(waitVerdict(state, 3).kind).toBe('completed');
	});

	test('before the first poll nothing is decided', () => {
		expect(waitVerdict(startWait([]), 3)).toEqual({kind: 'waiting', done: 0, total: 0});
	});
});

test('waitChanges reports new, moved and changed jobs only', () => {
	const first = poll(startWait(['1', '2', '3']), [job('1', 'Pending'), job('2', 'Importing', 40)]);
	expect(waitChanges(startWait(['1', '2', '3']), first).map(changed => changed.jobId)).toEqual(['1', '2']);
	const second = poll(first, [job('1', 'Pending'), job('2', 'Importing', 55)]);
	expect(waitChanges(first, second).map(changed => changed.jobId)).toEqual(['2']);
	expect(waitChanges(second, poll(second, [job('1', 'Pending'), job('2', 'Importing', 55)]))).toEqual([]);
});

test('exit codes', () => {
	expect(waitExitCode({kind: 'completed', jobs: []})).toBe(0);
	expect(waitExitCode({kind: 'nothing', ignored: 1})).toBe(0);
	expect(waitExitCode({kind: 'failed', failed: []})).toBe(1);
	expect(waitExitCode({kind: 'missing', jobIds: ['1']})).toBe(3);
});
