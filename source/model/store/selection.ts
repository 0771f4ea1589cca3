import {visibleJobs} from '../select/history-rows.js';
import type {AppState} from './state.js';

function withSelection(state: AppState, selectedJobId: string | undefined, selectedIndex: number): AppState {
	return state.selectedJobId === selectedJobId && state.selectedIndex === selectedIndex
		? state
		: {...state, selectedJobId, selectedIndex};
}

/**
After the visible list changed (poll, filter, sort): the selection stays on its job wherever that
job moved; if the job left the list, the job now at the same place (or the last one) is selected.
*/
export function reselect(state: AppState): AppState {
	const rows = visibleJobs(state);
	if (rows.length === 0) {
		return withSelection(state, undefined, 0);
	}

	const id = state.selectedJobId;
	if (id !== undefined) {
		const index = rows[state.selectedIndex]?.jobId === id ? state.selectedIndex : rows.findIndex(job => job.jobId === id);
		if (index !== -1) {
			return withSelection(state, id, index);
		}
	}

	const index = Math.min(Math.max(0, state.selectedIndex), rows.length - 1);
	return withSelection(state, rows[index]!.jobId, index);
}

/** Moves the selection to a place in the visible list (clamped); the same state when it does not move. */
export function selectAt(state: AppState, index: number): AppState {
	const rows = visibleJobs(state);
	if (rows.length === 0) {
		return state;
	}

	const clamped = Math.min(Math.max(0, index), rows.length - 1);
	return withSelection(state, rows[clamped]!.jobId, clamped);
}
