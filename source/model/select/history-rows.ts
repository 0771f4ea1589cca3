import type {AppState} from '../store/state.js';
import type {TrackedJob} from '../jobs/types.js';
import {compileFilter} from './filter.js';
import {listedJobs} from './visible.js';

type Memo = {readonly state: Pick<AppState, 'jobs' | 'filter' | 'scope' | 'journal'>; readonly result: readonly TrackedJob[]};

/** One memo per listed result: between polls the view asks many times. */
const memos = new WeakMap<readonly TrackedJob[], Memo>();

/**
The journal's jobs of this scope that the server does not list (issue #14): matching the filter,
newest news first. A collection scope shows that collection's only.
*/
export function historyRows(state: AppState): TrackedJob[] {
	const db = state.scope.dbName ?? '';
	const {collectionName, context} = state.scope;
	const matches = compileFilter(state.filter);
	return state.journal.entries
		.filter(entry => entry.db === db && (context === undefined || entry.context === undefined || entry.context === context) && (collectionName === undefined || entry.job.collectionName === collectionName)
			&& !state.jobs.has(entry.job.jobId) && matches(entry.job))
		.map(entry => entry.job)
		.toSorted((a, b) => b.lastChange - a.lastChange);
}

/** The rows to show: the server's jobs (visible.ts), then, when `h` is on, the journal's jobs it forgot. */
export function visibleJobs(state: AppState): readonly TrackedJob[] {
	const listed = listedJobs(state);
	if (!state.journal.shown || state.journal.entries.length === 0) {
		return listed;
	}

	const memo = memos.get(listed);
	if (memo?.state.jobs === state.jobs && memo.state.filter === state.filter
		&& memo.state.scope === state.scope && memo.state.journal === state.journal) {
		return memo.result;
	}

	const history = historyRows(state);
	const result = history.length === 0 ? listed : [...listed, ...history];
	memos.set(listed, {state, result});
	return result;
}

/** A journal job shown as a row (for the detail view and the selection), when it is one. */
export const historyJob = (state: AppState, jobId: string): TrackedJob | undefined =>
	state.journal.shown ? state.journal.entries.find(entry => entry.job.jobId === jobId)?.job : undefined;

/** Whether a row is the journal's, not the server's. */
export const isHistoryRow = (state: AppState, job: TrackedJob): boolean => state.jobs.get(job.jobId) !== job;
