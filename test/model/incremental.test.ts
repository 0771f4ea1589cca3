import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {compileFilter} from '../../source/model/select/filter.js';
import type {Job} from '../../source/model/jobs/job.js';
import {countsByState, overallProgress, visibleJobs} from '../../source/model/select/select.js';
import {sortJobs} from '../../source/model/select/sort.js';
import {reducer} from '../../source/model/store/reducer.js';
import type {AppState} from '../../source/model/store/state.js';
import type {SortColumn, TrackedJob} from '../../source/model/jobs/types.js';
import {weightsOf} from '../../source/model/select/weights.js';
import {job, poll, start} from './make.js';

/*
The selectors patch their previous results with what a poll changed (poll-delta.ts). Whatever the
polls, filters and sorts, the patched results must be the ones computed from scratch.
*/

const states = ['Pending', 'Importing', 'Completed', 'Failed', 'Uncommitted'];
const columns: SortColumn[] = ['state', 'progress', 'jobId', 'collection', 'rate', 'age'];

/** The visible list from scratch: every job of the map, filtered, sorted. */
function expectedRows(state: AppState): readonly TrackedJob[] {
	const now = state.sort.column === 'rate' ? state.poll.lastOkAt ?? 0 : 0;
	return sortJobs([...state.jobs.values()].filter(compileFilter(state.filter)), state.sort, now, job => weightsOf(job, state));
}

function expectedCounts(state: AppState): {counts: Record<string, number>; progress: number | undefined} {
	const counts: Record<string, number> = {};
	let sum = 0;
	let known = 0;
	for (const tracked of state.jobs.values()) {
		if (tracked.gone === undefined) {
			counts[tracked.state] = (counts[tracked.state] ?? 0) + 1;
			if (tracked.progress !== undefined && tracked.state !== 'Failed') {
				sum += tracked.progress;
				known++;
			}
		}
	}

	return {counts, progress: known === 0 ? undefined : sum / known};
}

/** One step: a poll that changes a few jobs (the usual case), drops or adds some, or a change of filter or sort. */
const step = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('poll' as const), changes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), {maxLength: 3})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('drop' as const), index: fc.nat()})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('add' as const), id: fc.integer({min: 0, max: 999})})},
	// A busy cluster's poll: a few jobs arrive, a few vanish, a few change, all at once.
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('churn' as const),
			adds: fc.array(fc.integer({min: 0, max: 999}), {maxLength: 4}),
			drops: fc.array(fc.nat(), {maxLength: 3}),
			changes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), {maxLength: 3}),
		}),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('filter' as const), text: fc.constantFrom('', 'fail', '!books', '1', 'movies', 'n')})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('sort' as const), column: fc.constantFrom(...columns), reverse: fc.boolean()})},
);

function initial(count: number): Job[] {
	return Array.from({length: count}, (_, index) => job(String(index * 7), {
		state: states[index % states.length]!, progress: (index * 13) % 101, collectionName: index % 3 === 0 ? 'movies' : 'books',
	}));
}

function changed(records: readonly Job[], changes: ReadonlyArray<readonly [number, number, number]>): Job[] {
	const next = [...records];
	for (const [which, what, value] of changes) {
		const index = which % next.length;
		const record = next[index]!;
		next[index] = what % 3 === 0
			? {...record, state: states[value % states.length]!, reason: value % 2 === 0 ? 'import timeout' : ''}
			: (what % 3 === 1 ? {...record, progress: value % 101} : {...record, progress: undefined});
	}

	return next.toReversed(); // Milvus reorders records between calls.
}

/** A busy cluster's poll: some records dropped, some new ones (ids `n…`, replacing any listed already), some changed. */
function churned(records: readonly Job[], action: {readonly adds: readonly number[]; readonly drops: readonly number[]; readonly changes: ReadonlyArray<readonly [number, number, number]>}): Job[] {
	const gone = new Set(action.drops.map(index => records[index % records.length]!.jobId));
	const fresh = new Map(action.adds.map(id => [`n${id}`, job(`n${id}`, {state: states[id % states.length]!, progress: id % 101})]));
	return changed([...records.filter(record => !gone.has(record.jobId) && !fresh.has(record.jobId)), ...fresh.values()], action.changes);
}

describe('selectors patched per poll equal the ones computed from scratch', () => {
	test('any sequence of polls, filters and sorts', () => {
		// goneKeepMs: a vanished job is dropped from the map a few polls later (or kept for the whole run);
		// goneKeepMax: or as soon as more than that many are gone.
		fc.assert(fc.property(fc.constantFrom(...columns), fc.constantFrom(2500, 5 * 60_000), fc.constantFrom(2, 1000), fc.array(step, {minLength: 1, maxLength: 30}), (column, goneKeepMs, goneKeepMax, steps) => {
			let records = initial(240);
			let state = poll(start({sort: {column, reverse: false}, goneKeepMs, goneKeepMax}), 0, records);
			let at = 0;
			for (const action of steps) {
				at += 1000;
				switch (action.kind) {
					case 'poll': {
						records = changed(records, action.changes);
						state = poll(state, at, records);
						break;
					}

					case 'drop': {
						const dropped = action.index % records.length;
						records = records.filter((_, index) => index !== dropped);
						state = poll(state, at, records);
						break;
					}

					case 'add': {
						records = [...records.filter(record => record.jobId !== `n${action.id}`), job(`n${action.id}`)];
						state = poll(state, at, records);
						break;
					}

					case 'churn': {
						records = churned(records, action);
						state = poll(state, at, records);
						break;
					}

					case 'filter': {
						state = reducer(state, {type: 'set-filter', text: action.text});
						break;
					}

					case 'sort': {
						state = reducer(state, {type: 'set-sort', sort: {column: action.column, reverse: action.reverse}});
						break;
					}
				}

				const rows = visibleJobs(state);
				const expected = expectedRows(state);
				expect(rows.map(row => row.jobId)).toEqual(expected.map(row => row.jobId));
				expect(rows.every((row, index) => row === expected[index])).toBe(true);
				const {counts, progress} = expectedCounts(state);
				expect(Object.fromEntries(countsByState(state).map(entry => [entry.state, entry.count]))).toEqual(counts);
				expect(overallProgress(state)).toBe(progress);
			}
		}), {numRuns: 200});
	});

	test('a poll that moves one job moves it in the list, and leaves the others as they were', () => {
		const records = initial(64);
		const first = poll(start({sort: {column: 'progress', reverse: true}}), 0, records);
		const before = visibleJobs(first);
		const moved = records.map(record => (record.jobId === before.at(-1)!.jobId ? {...record, progress: 100} : record));
		const second = poll(first, 1000, moved.toReversed());
		const after = visibleJobs(second);
		expect(after[0]!.jobId).toBe(before.at(-1)!.jobId);
		expect(after.slice(1)).toEqual(before.slice(0, -1));
		expect(after.slice(1).every((row, index) => row === before[index])).toBe(true);
	});

	test('sorted by rate, rows follow rates that change with time alone', () => {
		const importing = (id: string, progress: number) => job(id, {state: 'Importing', progress});
		let state = poll(start({sort: {column: 'rate', reverse: true}}), 0, [importing('a', 40), job('c', {state: 'Completed', progress: 100})]);
		state = poll(state, 30_000, [importing('a', 40), importing('b', 40), job('c', {state: 'Completed', progress: 100})]);
		state = poll(state, 40_000, [importing('a', 60), importing('b', 50), job('c', {state: 'Completed', progress: 100})]);
		// a: 20 points since 0 → 30 %/min; b: 10 points since 30 s → 60 %/min.
		expect(visibleJobs(state).map(row => row.jobId)).toEqual(['b', 'a', 'c']);
		// Same records 60 s later: a 12 %/min, b 8.6 %/min.
		state = poll(state, 100_000, [job('c', {state: 'Completed', progress: 100}), importing('b', 50), importing('a', 60)]);
		expect(visibleJobs(state).map(row => row.jobId)).toEqual(['a', 'b', 'c']);
	});
});
