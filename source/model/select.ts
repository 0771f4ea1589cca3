import {compileFilter} from './filter.js';
import {isStalled} from './history.js';
import {
	rowMaker, sameKeys, sortRows, stateRank, type SortRow,
} from './sort.js';
import type {AppState} from './state.js';
import type {JobFilter, SortSpec, TrackedJob} from './types.js';

export {matchesFilter} from './filter.js';
export {visibleWindow} from './window.js';
export {pickerEntries, pickedScope, neighbourScope} from './picker.js';

type VisibleMemo = {
	readonly filter: JobFilter;
	readonly sort: SortSpec;
	readonly at: number;
	readonly result: readonly TrackedJob[];
};

/** One memo per jobs map: the reducer and the view ask for the same list many times between polls. */
const visibleMemo = new WeakMap<ReadonlyMap<string, TrackedJob>, VisibleMemo>();

/**
The rows of the last list computed, whatever its map, with the sort they were keyed for. Their order
seeds the next sort, and the row of a job object that did not change is reused (its keys hold).
*/
let last: {readonly rows: readonly SortRow[]; readonly sort: SortSpec; readonly now: number} = {rows: [], sort: {column: 'state', reverse: false}, now: 0};

/** The time sorting by rate is computed at: the last good poll, so rows only move when data arrives. */
export const sortTime = (state: AppState): number => state.poll.lastOkAt ?? 0;

/** Rows of the matching jobs, those of the previous list first and in its order, then the rest. */
function candidates(state: AppState, matches: (job: TrackedJob) => boolean, now: number): SortRow[] {
	const make = rowMaker(state.sort.column, now);
	const reuse = sameKeys(last, {sort: state.sort, now});
	const rows: SortRow[] = [];
	let found = 0;
	// The ids of the last rows are distinct (they came from a map), so counting tells whether any job is new.
	for (const row of last.rows) {
		const job = state.jobs.get(row.job.jobId);
		if (job !== undefined) {
			found++;
			if (matches(job)) {
				rows.push(job === row.job && reuse ? row : make(job, row.id));
			}
		}
	}

	if (found < state.jobs.size) {
		const placed = new Set(last.rows.map(row => row.job.jobId));
		for (const job of state.jobs.values()) {
			if (!placed.has(job.jobId) && matches(job)) {
				rows.push(make(job));
			}
		}
	}

	return rows;
}

/**
The rows to show: filtered, then sorted (stable across polls, see sort.ts). Memoized on the jobs
map, filter, sort and (for the rate column) poll time, so it costs nothing between polls. It does
not depend on the wall clock: the screen's `now` only affects what a row says, not where it is.
*/
export function visibleJobs(state: AppState): readonly TrackedJob[] {
	const at = state.sort.column === 'rate' ? sortTime(state) : 0;
	const memo = visibleMemo.get(state.jobs);
	if (memo?.filter === state.filter && memo.sort === state.sort && memo.at === at) {
		return memo.result;
	}

	const rows = sortRows(candidates(state, compileFilter(state.filter), at), state.sort);
	const result = rows.map(row => row.job);
	visibleMemo.set(state.jobs, {
		filter: state.filter, sort: state.sort, at, result,
	});
	last = {rows, sort: state.sort, now: at};
	return result;
}

/** Index of the selected job in visibleJobs, -1 when nothing is selected (empty list). */
export function selectedIndex(state: AppState): number {
	if (state.selectedJobId === undefined) {
		return -1;
	}

	const rows = visibleJobs(state);
	// The stored index is right unless the list changed under it; check it before searching.
	if (rows[state.selectedIndex]?.jobId === state.selectedJobId) {
		return state.selectedIndex;
	}

	return rows.findIndex(job => job.jobId === state.selectedJobId);
}

export const selectedJob = (state: AppState): TrackedJob | undefined =>
	state.selectedJobId === undefined ? undefined : state.jobs.get(state.selectedJobId);

export type StateCount = {readonly state: string; readonly count: number};

type Summary = {readonly counts: readonly StateCount[]; readonly progress: number | undefined};
const summaries = new WeakMap<ReadonlyMap<string, TrackedJob>, Summary>();

/** Counts and progress cover every job of the scope the server still lists (not the filtered rows, not gone jobs). */
function summary(state: AppState): Summary {
	let result = summaries.get(state.jobs);
	if (result !== undefined) {
		return result;
	}

	const counts = new Map<string, number>();
	let sum = 0;
	let known = 0;
	for (const job of state.jobs.values()) {
		if (job.gone !== undefined) {
			continue;
		}

		counts.set(job.state, (counts.get(job.state) ?? 0) + 1);
		if (job.progress !== undefined && job.state !== 'Failed') {
			sum += job.progress;
			known++;
		}
	}

	const ordered = [...counts].map(([state, count]) => ({state, count}))
		.toSorted((a, b) => stateRank(a.state) - stateRank(b.state) || (a.state < b.state ? -1 : 1));
	result = {counts: ordered, progress: known === 0 ? undefined : sum / known};
	summaries.set(state.jobs, result);
	return result;
}

/** Jobs per state, in state-column order; states with no job are left out. */
export const countsByState = (state: AppState): readonly StateCount[] => summary(state).counts;

/**
Mean progress of the jobs whose progress is known, leaving out Failed ones: Milvus resets a failed
job to 0 (milvus §4.2), which would drag the mean down for work that is not going to happen; the
failures are in the counts. Undefined when no job has a known progress.
*/
export const overallProgress = (state: AppState): number | undefined => summary(state).progress;

/** The row's state changed in the latest poll: the view marks it until the next one. */
export const changedInLastPoll = (job: TrackedJob, state: AppState): boolean =>
	job.stateChangedAt !== undefined && job.stateChangedAt === state.poll.lastOkAt;

export const stalled = (job: TrackedJob, state: AppState, now: number): boolean => isStalled(job, now, state.stallAfterMs);
