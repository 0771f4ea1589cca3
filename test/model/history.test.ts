import {describe, expect, test} from 'vitest';
import {isStalled, maxSamples, mergePoll} from '../../source/model/jobs/history.js';
import {maxEvents} from '../../source/model/store/state.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';
import {job, poll, start} from './make.js';

const minute = 60_000;
const goneIds = (jobs: ReadonlyMap<string, TrackedJob>) => [...jobs.values()].filter(tracked => tracked.gone !== undefined).map(tracked => tracked.jobId);
const kinds = (state: ReturnType<typeof start>) => state.events.map(event => `${event.kind} ${event.jobId} ${event.detail}`.trim());

describe('events', () => {
	test('no flood on the first poll: jobs were already in their state', () => {
		const state = poll(start(), 0, [job('1', {state: 'Failed', progress: 0, reason: 'import timeout'}), job('2', {state: 'Completed', progress: 100}), job('3')]);
		expect(state.events).toEqual([]);
		expect(state.failuresSeen).toBe(0);
	});

	test('turned Failed, with its reason; turned Completed; other state changes', () => {
		let state = poll(start(), 0, [job('1'), job('2'), job('3', {state: 'Pending', progress: 0})]);
		state = poll(state, 1000, [
			job('1', {state: 'Failed', progress: 0, reason: 'collection 42 dropped'}),
			job('2', {state: 'Completed', progress: 100}),
			job('3', {state: 'Importing', progress: 10}),
		]);
		expect(kinds(state)).toEqual(['failed 1 collection 42 dropped', 'completed 2', 'state 3 Importing']);
		expect(state.events.every(event => event.at === 1000 && event.collectionName === 'books')).toBe(true);
		expect(state.failuresSeen).toBe(1);
	});

	test('a new job after the first poll is announced, a new failed one counts as a failure', () => {
		let state = poll(start(), 0, [job('1')]);
		state = poll(state, 1000, [job('1'), job('2', {state: 'Pending', progress: 0}), job('3', {state: 'Failed', progress: 0, reason: 'bad file'})]);
		expect(kinds(state)).toEqual(['appeared 2 Pending', 'failed 3 bad file']);
		expect(state.failuresSeen).toBe(1);
	});

	test('stalled once per stall, again after it moved and stopped again', () => {
		let state = start({stallAfterMs: 3 * minute});
		const still = [job('1', {progress: 45})];
		for (let at = 0; at <= 10 * minute; at += minute) {
			state = poll(state, at, still);
		}

		expect(kinds(state)).toEqual(['stalled 1 Importing']);
		expect(state.events[0]!.at).toBe(3 * minute);
		expect(isStalled(state.jobs.get('1')!, 10 * minute, 3 * minute)).toBe(true);
		state = poll(state, 11 * minute, [job('1', {progress: 46})]);
		expect(isStalled(state.jobs.get('1')!, 11 * minute, 3 * minute)).toBe(false);
		for (let at = 12 * minute; at <= 20 * minute; at += minute) {
			state = poll(state, at, [job('1', {progress: 46})]);
		}

		expect(kinds(state)).toEqual(['stalled 1 Importing', 'stalled 1 Importing']);
		expect(state.events[1]!.at).toBe(14 * minute);
	});

	test('finished and uncommitted jobs do not stall', () => {
		let state = start({stallAfterMs: minute});
		const jobs = [job('1', {state: 'Completed', progress: 100}), job('2', {state: 'Failed', progress: 0}), job('3', {state: 'Uncommitted', progress: 99})];
		for (let at = 0; at <= 5 * minute; at += minute) {
			state = poll(state, at, jobs);
		}

		expect(state.events).toEqual([]);
	});

	test('a finished job that vanishes expired, a running one is lost', () => {
		let state = poll(start(), 0, [job('1', {state: 'Completed', progress: 100}), job('2', {state: 'Failed', progress: 0}), job('3')]);
		state = poll(state, 1000, []);
		expect(kinds(state)).toEqual(['expired 1 Completed', 'expired 2 Failed', 'lost 3 Importing']);
		expect([...state.jobs.values()].map(tracked => tracked.gone)).toEqual(['expired', 'expired', 'lost']);
	});

	test('gone jobs stay visible for goneKeepMs, then are dropped', () => {
		let state = poll(start({goneKeepMs: 5 * minute, stallAfterMs: 60 * minute}), 0, [job('1'), job('2')]);
		state = poll(state, minute, [job('2')]);
		state = poll(state, 5 * minute, [job('2')]);
		expect(state.jobs.has('1')).toBe(true);
		state = poll(state, 6 * minute, [job('2')]);
		expect(state.jobs.has('1')).toBe(false);
		expect(kinds(state)).toEqual(['lost 1 Importing']);
	});

	test('a lost job that comes back is tracked on, with its history', () => {
		let state = poll(start(), 0, [job('1', {progress: 41})]);
		state = poll(state, 1000, []);
		state = poll(state, 2000, [job('1', {progress: 43})]);
		const back = state.jobs.get('1')!;
		expect(back.gone).toBeUndefined();
		expect(back.firstSeen).toBe(0);
		expect(back.samples.map(sample => sample.progress)).toEqual([41, 43]);
		expect(kinds(state)).toEqual(['lost 1 Importing', 'appeared 1 Importing']);
	});

	test('the log keeps the last maxEvents', () => {
		let state = poll(start(), 0, []);
		const many = Array.from({length: maxEvents + 20}, (_, index) => job(String(index), {state: 'Pending'}));
		state = poll(state, 1000, many);
		expect(state.events).toHaveLength(maxEvents);
		expect(state.events.at(-1)!.jobId).toBe(String(maxEvents + 19));
	});
});

describe('tracking', () => {
	const options = {previousAt: 0, stallAfterMs: minute, goneKeepMs: minute};

	test('times: firstSeen, lastChange, stateSince, stateChangedAt', () => {
		let state = poll(start(), 0, [job('1', {state: 'Pending', progress: 0})]);
		expect(state.jobs.get('1')).toMatchObject({
			firstSeen: 0, lastChange: 0, stateSince: 0, stateChangedAt: undefined,
		});
		state = poll(state, 1000, [job('1', {state: 'Pending', progress: 5})]);
		expect(state.jobs.get('1')).toMatchObject({lastChange: 1000, stateSince: 0, stateChangedAt: undefined});
		state = poll(state, 2000, [job('1', {state: 'Importing', progress: 10})]);
		expect(state.jobs.get('1')).toMatchObject({
			firstSeen: 0, lastChange: 2000, stateSince: 2000, stateChangedAt: 2000,
		});
		state = poll(state, 3000, [job('1', {state: 'Importing', progress: 10})]);
		expect(state.jobs.get('1')).toMatchObject({lastChange: 2000, stateSince: 2000, stateChangedAt: 2000});
	});

	test('gone jobs kept at most goneKeepMax, the most recently gone; every one has its event', () => {
		const capped = {...options, goneKeepMs: 10 * minute, goneKeepMax: 2};
		const ids = ['1', '2', '3', '4', '5', '6'];
		let {jobs} = mergePoll(new Map(), ids.map(id => job(id, {state: 'Completed', progress: 100})), {...capped, at: 0, previousAt: undefined});
		const events: string[] = [];
		// One job vanishes per poll: 1 first, then 2, 3 and 4.
		for (const [index, at] of [1000, 2000, 3000, 4000].entries()) {
			const result = mergePoll(jobs, ids.slice(index + 1).map(id => job(id, {state: 'Completed', progress: 100})), {...capped, at});
			jobs = result.jobs;
			events.push(...result.events.map(event => `${event.kind} ${event.jobId}`));
		}

		expect(events).toEqual(['expired 1', 'expired 2', 'expired 3', 'expired 4']);
		expect(goneIds(jobs)).toEqual(['4', '3']);
		expect([...jobs.keys()].toSorted()).toEqual(['3', '4', '5', '6']);
		// One more vanishes: it is announced and kept, the oldest gone one gives way.
		const one = mergePoll(jobs, [job('6', {state: 'Completed', progress: 100})], {...capped, at: 5000});
		expect(one.events.map(event => `${event.kind} ${event.jobId}`)).toEqual(['expired 5']);
		expect(goneIds(one.jobs)).toEqual(['5', '4']);
		// More vanish in one poll than the limit: each is shown marked for that poll, the limit holds from the next.
		const many = ['a', 'b', 'c'];
		let step = mergePoll(new Map(), many.map(id => job(id)), {...capped, at: 0, previousAt: undefined});
		step = mergePoll(step.jobs, [], {...capped, at: 1000});
		expect(step.events.map(event => `${event.kind} ${event.jobId}`)).toEqual(['lost a', 'lost b', 'lost c']);
		expect(goneIds(step.jobs)).toEqual(['a', 'b', 'c']);
		step = mergePoll(step.jobs, [], {...capped, at: 2000});
		expect(goneIds(step.jobs)).toEqual(['a', 'b']);
	});

	test('unchanged jobs keep their identity; nothing changed keeps the map', () => {
		const first = mergePoll(new Map(), [job('1'), job('2')], {...options, at: 0, previousAt: undefined});
		const same = mergePoll(first.jobs, [job('2'), job('1')], {...options, at: 1000});
		expect(same.jobs).toBe(first.jobs);
		const one = mergePoll(first.jobs, [job('2', {progress: 51}), job('1')], {...options, at: 2000});
		expect(one.jobs).not.toBe(first.jobs);
		expect(one.jobs.get('1')).toBe(first.jobs.get('1'));
	});

	test('samples: only on change, bounded, reset when progress goes back', () => {
		let {jobs} = mergePoll(new Map(), [job('1', {progress: 0})], {...options, at: 0, previousAt: undefined});
		for (let p = 1; p <= 40; p++) {
			jobs = mergePoll(jobs, [job('1', {progress: p})], {...options, at: p * 1000}).jobs;
			jobs = mergePoll(jobs, [job('1', {progress: p})], {...options, at: (p * 1000) + 500}).jobs;
		}

		const {samples} = jobs.get('1')!;
		expect(samples).toHaveLength(maxSamples);
		expect(samples.at(-1)).toEqual({at: 40_000, progress: 40});
		expect(samples[0]).toEqual({at: 21_000, progress: 21});
		jobs = mergePoll(jobs, [job('1', {progress: 30})], {...options, at: 45_000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([{at: 45_000, progress: 30}]);
		// A job that can show no rate keeps no samples: Failed (its 0 would start a new line), Completed, Pending.
		jobs = mergePoll(jobs, [job('1', {state: 'Failed', progress: 0})], {...options, at: 50_000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([]);
	});

	test('samples: only while Importing; entering it starts them at the progress it enters with', () => {
		let {jobs} = mergePoll(new Map(), [job('1', {state: 'Pending', progress: 0}), job('2', {state: 'Completed', progress: 100})], {...options, at: 0, previousAt: undefined});
		expect(jobs.get('1')!.samples).toEqual([]);
		expect(jobs.get('2')!.samples).toEqual([]);
		jobs = mergePoll(jobs, [job('1', {state: 'Pending', progress: 0}), job('2', {state: 'Completed', progress: 100})], {...options, at: 1000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([]);
		jobs = mergePoll(jobs, [job('1', {progress: 0}), job('2', {state: 'Completed', progress: 100})], {...options, at: 2000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([{at: 2000, progress: 0}]);
		jobs = mergePoll(jobs, [job('1', {progress: 45}), job('2', {state: 'Completed', progress: 100})], {...options, at: 3000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([{at: 2000, progress: 0}, {at: 3000, progress: 45}]);
		jobs = mergePoll(jobs, [job('1', {state: 'Completed', progress: 100}), job('2', {state: 'Completed', progress: 100})], {...options, at: 4000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([]);
		// Vanished while importing: kept as they were (a job that comes back goes on as if it never left).
		jobs = mergePoll(jobs, [job('3', {progress: 50})], {...options, at: 5000}).jobs;
		jobs = mergePoll(jobs, [job('3', {progress: 52})], {...options, at: 6000}).jobs;
		jobs = mergePoll(jobs, [], {...options, at: 7000}).jobs;
		expect(jobs.get('3')).toMatchObject({gone: 'lost', samples: [{at: 5000, progress: 50}, {at: 6000, progress: 52}]});
	});

	test('unknown progress adds no sample', () => {
		let {jobs} = mergePoll(new Map(), [job('1', {progress: undefined})], {...options, at: 0, previousAt: undefined});
		expect(jobs.get('1')!.samples).toEqual([]);
		jobs = mergePoll(jobs, [job('1', {progress: 44})], {...options, at: 1000}).jobs;
		jobs = mergePoll(jobs, [job('1', {progress: undefined})], {...options, at: 2000}).jobs;
		expect(jobs.get('1')!.samples).toEqual([{at: 1000, progress: 44}]);
	});

	test('a job listed twice does not hide a missing one', () => {
		const first = mergePoll(new Map(), [job('1'), job('2')], {...options, at: 0, previousAt: undefined});
		const {jobs, events} = mergePoll(first.jobs, [job('1'), job('1', {progress: 52})], {...options, at: 1000});
		expect(jobs.get('1')!.progress).toBe(52);
		expect(jobs.get('2')!.gone).toBe('lost');
		expect(events.map(event => event.kind)).toEqual(['lost']);
	});

	test('a record listed twice in one answer is one job', () => {
		const {jobs, events} = mergePoll(new Map(), [job('1'), job('1', {progress: 60})], {...options, at: 0, previousAt: undefined});
		expect(jobs.size).toBe(1);
		expect(jobs.get('1')!.progress).toBe(60);
		expect(events).toEqual([]);
	});
});
