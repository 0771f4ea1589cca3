import {isStalled} from '../jobs/history.js';
import type {AppState} from '../store/state.js';
import type {TrackedJob} from '../jobs/types.js';
import {summary, type StateCount} from './summary.js';
import {historyJob, visibleJobs} from './history-rows.js';

export {matchesFilter} from './filter.js';
export {visibleWindow} from './window.js';
export {sortTime} from './visible.js';
export {visibleJobs, historyJob} from './history-rows.js';
export type {StateCount} from './summary.js';
export {pickerEntries, pickedScope, neighbourScope} from './picker.js';

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
	state.selectedJobId === undefined ? undefined : (state.jobs.get(state.selectedJobId) ?? historyJob(state, state.selectedJobId));

/** Jobs per state, in state-column order; states with no job are left out. */
export const countsByState = (state: AppState): readonly StateCount[] => summary(state).counts;

/**
Mean progress of the jobs whose progress is known, leaving out Failed ones: Milvus resets a failed
job to 0 (docs/milvus-rest.md#progress), which would drag the mean down for work that is not going to happen; the
failures are in the counts. Undefined when no job has a known progress.
*/
export const overallProgress = (state: AppState): number | undefined => summary(state).progress;

/**
How many jobs the overall progress covers, when that is not all of those it should (Zilliz Cloud's list
has no progress: it grows as the background fetcher asks describe). Undefined when it covers them all.
*/
export const overallCoverage = (state: AppState): {readonly known: number; readonly of: number} | undefined => {
	const {tally, known} = summary(state);
	let of = 0;
	for (const [jobState, count] of tally) {
		of += jobState === 'Failed' ? 0 : count;
	}

	return known < of ? {known, of} : undefined;
};

/** The row's state changed in the latest poll: the view marks it until the next one. */
export const changedInLastPoll = (job: TrackedJob, state: AppState): boolean =>
	job.stateChangedAt !== undefined && job.stateChangedAt === state.poll.lastOkAt;

export const stalled = (job: TrackedJob, state: AppState, now: number): boolean => isStalled(job, now, state.stallAfterMs);
