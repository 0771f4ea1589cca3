import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {Action} from '../../source/model/store/actions.js';
import {selectedIndex, visibleJobs} from '../../source/model/select/select.js';
import {reducer} from '../../source/model/store/reducer.js';
import {maxCarried} from '../../source/model/store/reduce-view.js';
import type {AppState} from '../../source/model/store/state.js';
import {
	allScope, job, poll, run, start,
} from './make.js';

const ids = (state: AppState) => visibleJobs(state).map(row => row.jobId);
const books = {dbName: undefined, collectionName: 'books'};
const threeJobs = [job('1'), job('2', {state: 'Failed', progress: 0}), job('3', {collectionName: 'movies'})];

describe('polls', () => {
	test('a good poll fills the jobs, selects the first row and records the time', () => {
		const state = poll(start(), 1000, threeJobs);
		expect(ids(state)).toEqual(['1', '2', '3']);
		expect(state.selectedJobId).toBe('1');
		expect(state.poll).toEqual({lastOkAt: 1000, lastError: undefined, consecutiveFailures: 0});
	});

	test('answers for another scope are ignored (late answers after a switch)', () => {
		const state = start();
		expect(poll(state, 1000, threeJobs, books)).toBe(state);
		expect(reducer(state, {
			type: 'poll-failed', at: 1000, scope: books, error: {kind: 'timeout', afterMs: 5000},
		})).toBe(state);
	});

	test('a failed poll keeps the rows and counts failures; a good one resets the count', () => {
		let state = poll(start(), 1000, threeJobs);
		const error = {kind: 'unreachable', detail: 'ECONNREFUSED'} as const;
		state = run(state, {
			type: 'poll-failed', at: 2000, scope: allScope, error,
		}, {
			type: 'poll-failed', at: 3000, scope: allScope, error,
		});
		expect(ids(state)).toEqual(['1', '2', '3']);
		expect(state.poll).toEqual({lastOkAt: 1000, lastError: {at: 3000, error}, consecutiveFailures: 2});
		state = poll(state, 4000, threeJobs);
		expect(state.poll).toMatchObject({lastOkAt: 4000, consecutiveFailures: 0});
	});

	test('our own abort is not a failure', () => {
		const state = poll(start(), 1000, threeJobs);
		expect(reducer(state, {
			type: 'poll-failed', at: 2000, scope: allScope, error: {kind: 'aborted'},
		})).toBe(state);
	});

	test('the selection stays on its job however the server orders the records', () => {
		const records = Array.from({length: 30}, (_, index) => job(String(index * 7), {progress: index % 11}));
		fc.assert(fc.property(
			fc.shuffledSubarray(records, {minLength: 30, maxLength: 30}),
			fc.shuffledSubarray(records, {minLength: 30, maxLength: 30}),
			fc.integer({min: 0, max: 29}),
			fc.constantFrom('jobId', 'progress', 'state', 'collection', 'rate', 'age' as const),
			(first, second, pick, column) => {
				let state = poll(start({sort: {column, reverse: false}}), 0, first);
				const chosen = ids(state)[pick]!;
				state = reducer(state, {type: 'select', jobId: chosen});
				const order = ids(state);
				state = poll(state, 1000, second);
				expect(state.selectedJobId).toBe(chosen);
				expect(ids(state)).toEqual(order);
				expect(ids(state)[selectedIndex(state)]).toBe(chosen);
			},
		));
	});

	test('the selection follows its job when the job moves', () => {
		// Highest progress first (▼).
		let state = poll(start({sort: {column: 'progress', reverse: true}}), 0, [job('1', {progress: 10}), job('2', {progress: 20})]);
		state = reducer(state, {type: 'select', jobId: '1'});
		expect(selectedIndex(state)).toBe(1);
		state = poll(state, 1000, [job('1', {progress: 30}), job('2', {progress: 20})]);
		expect(state.selectedJobId).toBe('1');
		expect(selectedIndex(state)).toBe(0);
	});

	test('when the selected job is dropped, the job now at its place is selected', () => {
		let state = poll(start({goneKeepMs: 0}), 0, [job('1'), job('2'), job('3')]);
		state = reducer(state, {type: 'select', jobId: '2'});
		state = run(state, {
			type: 'poll-ok', at: 1000, scope: allScope, jobs: [job('1'), job('3')],
		}, {
			type: 'poll-ok', at: 2000, scope: allScope, jobs: [job('1'), job('3')],
		});
		expect(state.jobs.has('2')).toBe(false);
		expect(state.selectedJobId).toBe('3');
	});
});

describe('keys', () => {
	const loaded = poll(start(), 1000, threeJobs);

	test.each<[string, Action[], string | undefined]>([
		['move down', [{type: 'move', delta: 1}], '2'],
		['move down past the end', [{type: 'move', delta: 10}], '3'],
		['move up past the top', [{type: 'move', delta: 1}, {type: 'move', delta: -5}], '1'],
		['move to last', [{type: 'move-to', where: 'last'}], '3'],
		['move to first', [{type: 'move-to', where: 'last'}, {type: 'move-to', where: 'first'}], '1'],
		['select', [{type: 'select', jobId: '3'}], '3'],
		['select an unknown id', [{type: 'select', jobId: 'nope'}], '1'],
		['filter hides the selection: nearest row', [{type: 'select', jobId: '2'}, {type: 'set-filter', text: '!fail'}], '3'],
		['filter keeps the selection', [{type: 'select', jobId: '3'}, {type: 'set-filter', text: 'movies'}], '3'],
		['filter hides every row', [{type: 'set-filter', text: 'zzz'}], undefined],
		['states filter', [{type: 'toggle-state', state: 'Failed'}], '2'],
	])('%s', (_name, actions, selected) => {
		expect(run(loaded, ...actions).selectedJobId).toBe(selected);
	});

	test('moving at the edge, equal filters, sorts, intervals and modes return the same state', () => {
		const same: Action[] = [
			{type: 'move', delta: -1},
			{type: 'move-to', where: 'first'},
			{type: 'set-filter', text: ''},
			{type: 'set-states', states: []},
			{type: 'set-sort', sort: {column: 'jobId', reverse: false}},
			{type: 'set-interval', ms: 2000},
			{type: 'set-mode', mode: 'list'},
			{type: 'set-scope', scope: {dbName: undefined, collectionName: undefined}},
			{type: 'picker-move', delta: 1},
		];
		for (const action of same) {
			expect(reducer(loaded, action), action.type).toBe(loaded);
		}

		expect(reducer(start(), {type: 'move', delta: 1})).toEqual(start());
	});

	test('toggle-state adds and removes a state', () => {
		const state = run(loaded, {type: 'toggle-state', state: 'Failed'}, {type: 'toggle-state', state: 'Pending'});
		expect(state.filter.states).toEqual(['Failed', 'Pending']);
		expect(reducer(state, {type: 'toggle-state', state: 'Failed'}).filter.states).toEqual(['Pending']);
	});

	test('sort-next cycles through every column and starts unreversed; sort-reverse flips', () => {
		let state = run(loaded, {type: 'sort-reverse'});
		expect(state.sort).toEqual({column: 'jobId', reverse: true});
		const seen: string[] = [];
		for (let index = 0; index < 6; index++) {
			state = reducer(state, {type: 'sort-next'});
			expect(state.sort.reverse).toBe(false);
			seen.push(state.sort.column);
		}

		expect(seen).toEqual(['collection', 'rate', 'age', 'state', 'progress', 'jobId']);
	});

	test('sorting keeps the selected job', () => {
		const state = run(loaded, {type: 'select', jobId: '1'}, {type: 'sort-reverse'});
		expect(state.selectedJobId).toBe('1');
		expect(selectedIndex(state)).toBe(2);
	});

	test('pause records when, takes keys while paused, and still shows an answer already on its way', () => {
		let state = reducer(loaded, {type: 'toggle-pause', at: 5000});
		expect(state).toMatchObject({paused: true, pausedAt: 5000});
		state = run(state, {type: 'move', delta: 1}, {type: 'set-filter', text: 'movies'});
		expect(state.selectedJobId).toBe('3');
		state = poll(state, 6000, [...threeJobs, job('4', {collectionName: 'movies'})]);
		expect(ids(state)).toEqual(['3', '4']);
		expect(reducer(state, {type: 'toggle-pause', at: 7000})).toMatchObject({paused: false, pausedAt: undefined});
	});

	test.each([[100, 500], [499.6, 500], [1234.4, 1234], [Number.NaN, 500], [1e12, 3_600_000]])('interval %d → %d', (ms, expected) => {
		expect(reducer(loaded, {type: 'set-interval', ms}).intervalMs).toBe(expected);
	});

	test('set-scope starts the new scope fresh, keeps the event log', () => {
		let state = poll(loaded, 2000, [job('1', {state: 'Completed', progress: 100}), ...threeJobs.slice(1)]);
		expect(state.events).toHaveLength(1);
		state = reducer(state, {type: 'set-scope', scope: books});
		expect(state.jobs.size).toBe(0);
		expect(state.selectedJobId).toBeUndefined();
		expect(state.poll.lastOkAt).toBeUndefined();
		expect(state.events).toHaveLength(1);
		// Late answer for the old scope: ignored. First answer for the new one: no flood.
		expect(poll(state, 3000, threeJobs, allScope)).toBe(state);
		state = poll(state, 3000, [job('9', {state: 'Failed', progress: 0})]);
		expect(state.events).toHaveLength(1);
	});

	test('a switch and back keeps each job\'s time in state, rate samples and stall clock while its state holds; no event comes of it', () => {
		// Job 1 is seen entering Importing between two polls (exact), job 3 is Importing since before the app looked.
		let state = poll(start(), 1000, [job('1', {state: 'Pending', progress: 0}), job('3', {collectionName: 'movies', progress: 40})]);
		state = poll(state, 3000, [job('1', {progress: 10}), job('3', {collectionName: 'movies', progress: 40})]);
		const before = state.jobs;
		state = reducer(state, {type: 'set-scope', scope: books});
		state = poll(state, 5000, [job('1', {progress: 20})], books);
		expect(state.jobs.get('1')).toMatchObject({
			stateSince: 3000, sinceExact: true, firstSeen: 1000, lastChange: 5000,
		});
		// Its samples since it entered Importing (a Pending job keeps none).
		expect(state.jobs.get('1')!.samples.map(sample => sample.at)).toEqual([3000, 5000]);
		const eventsThen = state.events.length;
		// Back to every collection: job 3 was never polled in 'books' and comes back from further behind.
		state = reducer(state, {type: 'set-scope', scope: allScope});
		state = poll(state, 61_000, [job('1', {progress: 20}), job('3', {collectionName: 'movies', progress: 40}), job('7', {state: 'Pending'})]);
		expect(state.jobs.get('3')).toMatchObject({stateSince: 1000, sinceExact: false, lastChange: before.get('3')!.lastChange});
		expect(state.jobs.get('1')).toMatchObject({stateSince: 3000, lastChange: 5000});
		// A job new to the app starts as any job seen on a first poll: since now, a lower bound.
		expect(state.jobs.get('7')).toMatchObject({stateSince: 61_000, sinceExact: false});
		expect(state.events).toHaveLength(eventsThen);
	});

	test('a carried job whose state changed while out of view starts over (its old times are about another state)', () => {
		let state = poll(start(), 1000, [job('1', {progress: 10})]);
		state = reducer(state, {type: 'set-scope', scope: books});
		state = poll(state, 9000, [job('1', {state: 'Completed', progress: 100})], books);
		expect(state.jobs.get('1')).toMatchObject({stateSince: 9000, sinceExact: false, firstSeen: 9000});
		expect(state.events.filter(event => event.jobId === '1')).toEqual([]);
	});

	test('what is carried is bounded: the jobs left behind longest go first', () => {
		const many = Array.from({length: maxCarried + 5}, (_, index) => job(String(index)));
		let state = poll(start(), 1000, many);
		state = reducer(state, {type: 'set-scope', scope: books});
		expect(state.carried.size).toBe(maxCarried);
		expect(state.carried.has('0')).toBe(false);
		expect(state.carried.has(String(maxCarried + 4))).toBe(true);
	});
});
