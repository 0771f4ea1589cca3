import {describe, expect, test} from 'vitest';
import {
	changedInLastPoll, countsByState, matchesFilter, overallProgress, selectedIndex, selectedJob, visibleJobs, visibleWindow,
} from '../../source/model/select/select.js';
import {reducer} from '../../source/model/store/reducer.js';
import type {SortColumn, JobFilter} from '../../source/model/jobs/types.js';
import {job, poll, start} from './make.js';

describe('matchesFilter', () => {
	const failed = job('454891732197474580', {
		collectionName: 'Movies', state: 'Failed', progress: 0, reason: 'import timeout',
	});
	test.each<[string, JobFilter, boolean]>([
		['empty text matches all', {text: '', states: []}, true],
		['id substring', {text: '97474', states: []}, true],
		['collection, case-insensitive', {text: 'movIES', states: []}, true],
		['state', {text: 'fail', states: []}, true],
		['reason', {text: 'TIMEOUT', states: []}, true],
		['no match', {text: 'books', states: []}, false],
		['! inverts a match', {text: '!timeout', states: []}, false],
		['! inverts a miss', {text: '!books', states: []}, true],
		['a lone ! matches all', {text: '!', states: []}, true],
		['no match across fields', {text: 'movies failed', states: []}, false],
		['in the states', {text: '', states: ['Failed', 'Pending']}, true],
		['not in the states', {text: '', states: ['Importing']}, false],
		['text and states both hold', {text: 'movies', states: ['Failed']}, true],
		['states hold, text does not', {text: 'books', states: ['Failed']}, false],
	])('%s', (_name, filter, expected) => {
		expect(matchesFilter(failed, filter)).toBe(expected);
	});
});

describe('visibleJobs: sorting', () => {
	const minute = 60_000;
	// Progress samples let job 30 and 4 have a rate; times differ so ages differ.
	const built = (column: SortColumn, reverse: boolean) => {
		let state = start({sort: {column, reverse}});
		state = poll(state, 0, [
			job('30', {collectionName: 'b', state: 'Importing', progress: 40}),
			job('4', {collectionName: 'a', state: 'Importing', progress: 40}),
			job('200', {
				collectionName: 'B', state: 'Failed', progress: 0, reason: 'x',
			}),
			job('1', {collectionName: 'c', state: 'Pending', progress: undefined}),
		]);
		state = poll(state, minute, [
			job('30', {collectionName: 'b', state: 'Importing', progress: 60}),
			job('4', {collectionName: 'a', state: 'Importing', progress: 45}),
			job('200', {
				collectionName: 'B', state: 'Failed', progress: 0, reason: 'x',
			}),
			job('1', {collectionName: 'c', state: 'Completed', progress: 100}),
			job('5', {collectionName: 'a', state: 'Completed', progress: 100}),
		]);
		return visibleJobs(state).map(row => row.jobId);
	};

	test.each<[SortColumn, string[]]>([
		['jobId', ['1', '4', '5', '30', '200']],
		// Failed first, Completed last; ties by id.
		['state', ['200', '4', '30', '1', '5']],
		// Ascending, as ▲ and --sort=progress say (issue 10: they listed 100 % first).
		['progress', ['200', '4', '30', '1', '5']],
		// Case-insensitive names: a, a, b, B, c.
		['collection', ['4', '5', '30', '200', '1']],
		// 5 %/min before 20 %/min; no rate last, by id.
		['rate', ['4', '30', '1', '5', '200']],
		// Shortest in its state first: 1 and 5 since the second poll; 4, 30, 200 since 0.
		['age', ['1', '5', '4', '30', '200']],
	])('%s', (column, expected) => {
		expect(built(column, false)).toEqual(expected);
	});

	test.each<[SortColumn, string[]]>([
		['jobId', ['200', '30', '5', '4', '1']],
		['state', ['1', '5', '4', '30', '200']],
		['progress', ['1', '5', '30', '4', '200']],
		['collection', ['1', '30', '200', '4', '5']],
		// Unknown rates stay last when reversed too.
		['rate', ['30', '4', '1', '5', '200']],
		['age', ['4', '30', '200', '1', '5']],
	])('%s reversed (ties still by ascending id)', (column, expected) => {
		expect(built(column, true)).toEqual(expected);
	});

	test('filtered by text and states', () => {
		let state = poll(start(), 0, [job('1', {state: 'Failed'}), job('2', {state: 'Failed', collectionName: 'movies'}), job('3')]);
		state = reducer(state, {type: 'set-states', states: ['Failed']});
		expect(visibleJobs(state).map(row => row.jobId)).toEqual(['1', '2']);
		state = reducer(state, {type: 'set-filter', text: '!movies'});
		expect(visibleJobs(state).map(row => row.jobId)).toEqual(['1']);
	});

	test('memoized: the same array until something it depends on changes', () => {
		let state = poll(start(), 0, [job('1'), job('2')]);
		const rows = visibleJobs(state);
		state = reducer(state, {type: 'move', delta: 1});
		expect(visibleJobs(state)).toBe(rows);
		state = reducer(state, {type: 'sort-reverse'});
		expect(visibleJobs(state)).not.toBe(rows);
	});
});

describe('summary', () => {
	const state = poll(start(), 0, [
		job('1', {state: 'Importing', progress: 40}),
		job('2', {state: 'Completed', progress: 100}),
		job('3', {state: 'Failed', progress: 0}),
		job('4', {state: 'Importing', progress: undefined}),
		job('5', {state: 'Future', progress: 10}),
	]);

	test('counts per state, in state order', () => {
		expect(countsByState(state)).toEqual([
			{state: 'Failed', count: 1}, {state: 'Importing', count: 2}, {state: 'Future', count: 1}, {state: 'Completed', count: 1},
		]);
	});

	test('overall progress: mean of known progress, Failed left out', () => {
		expect(overallProgress(state)).toBe(50);
		expect(overallProgress(start())).toBeUndefined();
	});

	test('gone jobs are not counted', () => {
		const later = poll(state, 1000, [job('1', {state: 'Importing', progress: 40})]);
		expect(countsByState(later)).toEqual([{state: 'Importing', count: 1}]);
		expect(overallProgress(later)).toBe(40);
	});
});

describe('selection helpers', () => {
	test('selectedIndex and selectedJob follow the id; changedInLastPoll marks one poll', () => {
		let state = poll(start(), 0, [job('1', {state: 'Pending'}), job('2')]);
		state = reducer(state, {type: 'select', jobId: '2'});
		expect(selectedIndex(state)).toBe(1);
		expect(selectedJob(state)?.jobId).toBe('2');
		state = poll(state, 1000, [job('1'), job('2'), job('0')]);
		expect(selectedIndex(state)).toBe(2);
		expect(changedInLastPoll(state.jobs.get('1')!, state)).toBe(true);
		expect(changedInLastPoll(state.jobs.get('2')!, state)).toBe(false);
		state = poll(state, 2000, [job('1'), job('2'), job('0')]);
		expect(changedInLastPoll(state.jobs.get('1')!, state)).toBe(false);
		expect(selectedIndex(start())).toBe(-1);
	});
});

describe('visibleWindow', () => {
	test.each([
		// Count, selected, height, previous top → start, end
		[10, 0, 5, 0, 0, 5],
		[10, 4, 5, 0, 0, 5],
		[10, 5, 5, 0, 1, 6],
		[10, 9, 5, 0, 5, 10],
		[10, 3, 5, 5, 3, 8],
		[10, 6, 5, 3, 3, 8],
		// The list shrank under a scrolled window: no blank lines at the bottom.
		[6, 5, 5, 8, 1, 6],
		[3, 1, 5, 2, 0, 3],
		[0, -1, 5, 0, 0, 0],
		[10, 2, 0, 0, 0, 0],
		[10, -1, 4, 2, 2, 6],
	])('%i rows, selected %i, height %i, top was %i → [%i, %i)', (...row) => {
		const [count, selected, height, previous, start, end] = row;
		expect(visibleWindow(count, selected, height, previous)).toEqual({start, end});
	});
});
