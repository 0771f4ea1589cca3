import type {AppState} from '../model/store/state.js';
import {visibleJobs} from '../model/select/history-rows.js';
import {listedJobs} from '../model/select/visible.js';
import {formatDuration} from './format.js';

/** Header line 3 when all is well: how many rows of how many, and what narrows or orders them. */
export const summaryLine = (state: AppState, shown: number, now: number): string => {
	// Both lists are memoized: this costs two lookups.
	const fromHistory = state.journal.shown ? visibleJobs(state).length - listedJobs(state).length : 0;
	const parts = [fromHistory > 0
		? `showing ${shown - fromHistory} of ${state.jobs.size} jobs + ${fromHistory} from history`
		: `showing ${shown} of ${state.jobs.size} jobs`];
	if (state.filter.text !== '') {
		parts.push(`filter "${state.filter.text}"`);
	}

	if (state.filter.states.length > 0) {
		parts.push(`states ${state.filter.states.join(',')}`);
	}

	parts.push(`sort ${state.sort.column}${state.sort.reverse ? ' reversed' : ''}`);
	const {lastError, consecutiveFailures} = state.poll;
	if (lastError !== undefined && consecutiveFailures === 0) {
		// Recovery is visible: the last error stays mentioned, with its age.
		parts.push(`recovered (last error ${formatDuration(now - lastError.at)} ago)`);
	}

	return parts.join(' · ');
};
