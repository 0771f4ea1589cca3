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

type Widths = {readonly total: number; readonly running: number; readonly completed: number; readonly failed: number};

/** `12 jobs  3 running  8 completed  1 failed  45%`, the numbers right-aligned across the lines. */
const countsText = (counts: ContextCounts | undefined, widths: Widths): string => counts === undefined
	? 'no list yet'
	: [
		`${fit(String(counts.total), widths.total, 'right')} jobs`,
		`${fit(String(counts.running), widths.running, 'right')} running`,
		`${fit(String(counts.completed), widths.completed, 'right')} completed`,
		`${fit(String(counts.failed), widths.failed, 'right')} failed`,
		fit(formatPercent(counts.progress), 4, 'right'),
	].join('  ');

const widthsOf = (all: readonly ContextCounts[]): Widths => {
	const most = (key: keyof Widths): number => Math.max(1, ...all.map(counts => String(counts[key]).length));
	return {
		total: most('total'), running: most('running'), completed: most('completed'), failed: most('failed'),
	};
};

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

	const widths = widthsOf(total === undefined ? counted : [total, ...counted]);
	const nameWidth = maxWidth([allContextsLabel, ...statuses.map(status => status.name)]);
	const states = statuses.map(status => contextState(status, at));
	const stateWidth = maxWidth(states);
	return [
		`${fit(allContextsLabel, nameWidth)}  ${fit('', stateWidth)}  ${countsText(total, widths)}`,
		...statuses.map((status, index) => `${fit(status.name, nameWidth)}  ${fit(states[index]!, stateWidth)}  ${countsText(status.counts, widths)}`),
	];
};
