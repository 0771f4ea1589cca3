import type {AppState} from '../model/state.js';

/** Header line 3 when all is well: how many rows of how many, and what narrows or orders them. */
export const summaryLine = (state: AppState, shown: number): string => {
	const parts = [`showing ${shown} of ${state.jobs.size} jobs`];
	if (state.filter.text !== '') {
		parts.push(`filter "${state.filter.text}"`);
	}

	if (state.filter.states.length > 0) {
		parts.push(`states ${state.filter.states.join(',')}`);
	}

	parts.push(`sort ${state.sort.column}${state.sort.reverse ? ' reversed' : ''}`);
	return parts.join(' · ');
};
