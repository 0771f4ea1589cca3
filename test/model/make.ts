import {type Action, type Scope} from '../../source/model/store/actions.js';
import type {Job} from '../../source/model/jobs/job.js';
import {
	initialState, type AppState, type InitialStateOptions,
} from '../../source/model/store/state.js';
import {reducer} from '../../source/model/store/reducer.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';

export const allScope: Scope = {dbName: undefined, collectionName: undefined};

export const job = (jobId: string, fields: Partial<Job> = {}): Job => ({
	jobId, collectionName: 'books', state: 'Importing', progress: 50, reason: '', ...fields,
});

export const tracked = (jobId: string, fields: Partial<TrackedJob> = {}): TrackedJob => ({
	...job(jobId),
	firstSeen: 0,
	lastChange: 0,
	stateSince: 0,
	stateChangedAt: undefined,
	samples: [],
	gone: undefined,
	progressAt: undefined,
	lastRunProgress: undefined,
	sinceExact: false,
	...fields,
});

export const start = (options: Partial<InitialStateOptions> = {}): AppState => initialState({
	scope: allScope,
	intervalMs: 2000,
	filter: {text: '', states: []},
	sort: {column: 'jobId', reverse: false},
	stallAfterMs: 60_000,
	// Most model tests read progress with the 2.5+ weights; tests of unknown weights pass `weights: undefined`.
	weights: 'v2.5',
	...options,
});

export const poll = (state: AppState, at: number, jobs: readonly Job[], scope: Scope = state.scope): AppState =>
	reducer(state, {
		type: 'poll-ok', at, scope, jobs,
	});

export function run(state: AppState, ...actions: readonly Action[]): AppState {
	let next = state;
	for (const action of actions) {
		next = reducer(next, action);
	}

	return next;
}
