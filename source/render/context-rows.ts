import type {ContextCounts, HubStatus} from '../api/contexts-hub.js';
import {allContextsLabel} from '../model/select/picker.js';
import {fit, maxWidth} from './cells.js';
import {contextState} from './contexts-line.js';
import {formatPercent} from './format.js';

const add = (sum: ContextCounts, one: ContextCounts): ContextCounts => {
	const known = (counts: ContextCounts): number => counts.total - counts.failed;
	const weight = known(sum) + known(one);
	const progress = sum.progress === undefined ? one.progress : (one.progress === undefined ? sum.progress : ((sum.progress * known(sum)) + (one.progress * known(one))) / Math.max(1, weight));
	return {
		total: sum.total + one.total, running: sum.running + one.running, completed: sum.completed + one.completed, failed: sum.failed + one.failed, progress,
	};
};

const countsText = (counts: ContextCounts | undefined): string => counts === undefined
	? 'no list yet'
	: `${counts.total} jobs  ${counts.running} running  ${counts.completed} completed  ${counts.failed} failed  ${formatPercent(counts.progress)}`;

/**
The context picker's lines (`:`), "all contexts" first: each context's state, its jobs by kind and the mean
progress of its list, counted from its last good answer (api/contexts-lists.ts), so a context not shown
has live numbers too. The all-contexts line adds them up.
*/
export const contextRows = (statuses: readonly HubStatus[], at: number): readonly string[] => {
	const counted = statuses.flatMap(status => status.counts === undefined ? [] : [status.counts]);
	let total: ContextCounts | undefined;
	for (const one of counted) {
		total = total === undefined ? one : add(total, one);
	}

	const nameWidth = maxWidth([allContextsLabel, ...statuses.map(status => status.name)]);
	const states = statuses.map(status => contextState(status, at));
	const stateWidth = maxWidth(states);
	return [
		`${fit(allContextsLabel, nameWidth)}  ${fit('', stateWidth)}  ${countsText(total)}`,
		...statuses.map((status, index) => `${fit(status.name, nameWidth)}  ${fit(states[index]!, stateWidth)}  ${countsText(status.counts)}`),
	];
};
