import {mergePoll} from '../jobs/history.js';
import type {JobEvent} from '../jobs/types.js';
import type {Action, Scope} from './actions.js';
import {reselect} from './selection.js';
import {maxEvents, type AppState} from './state.js';

export const sameScope = (a: Scope, b: Scope): boolean => a.dbName === b.dbName && a.collectionName === b.collectionName && a.context === b.context;

function appendEvents(events: readonly JobEvent[], added: readonly JobEvent[]): readonly JobEvent[] {
	if (added.length === 0) {
		return events;
	}

	const all = [...events, ...added];
	return all.length > maxEvents ? all.slice(-maxEvents) : all;
}

/** A good answer: merge it, log what happened, keep the selection on its job. Answers for another scope are late and ignored. */
export function pollOk(state: AppState, action: Extract<Action, {type: 'poll-ok'}>): AppState {
	if (!sameScope(action.scope, state.scope)) {
		return state;
	}

	const {jobs, events} = mergePoll(state.jobs, action.jobs, {
		at: action.at,
		previousAt: state.poll.lastOkAt,
		stallAfterMs: state.stallAfterMs,
		goneKeepMs: state.goneKeepMs,
		goneKeepMax: state.goneKeepMax,
		carried: state.carried,
	});
	const failures = events.filter(event => event.kind === 'failed').length;
	return reselect({
		...state,
		jobs,
		events: appendEvents(state.events, events),
		failuresSeen: state.failuresSeen + failures,
		// The last error stays (the view can say "recovered"); consecutiveFailures says whether it is current.
		poll: {...state.poll, lastOkAt: action.at, consecutiveFailures: 0},
	});
}

/** A failed poll keeps the last good rows; our own aborts (switch, pause, quit) are not failures. */
export function pollFailed(state: AppState, action: Extract<Action, {type: 'poll-failed'}>): AppState {
	if (!sameScope(action.scope, state.scope) || action.error.kind === 'aborted') {
		return state;
	}

	return {
		...state,
		poll: {
			...state.poll,
			lastError: {at: action.at, error: action.error},
			consecutiveFailures: state.poll.consecutiveFailures + 1,
		},
	};
}
