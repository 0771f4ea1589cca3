import {deltaOf} from '../jobs/poll-delta.js';
import type {AppState} from '../store/state.js';
import type {TrackedJob} from '../jobs/types.js';
import {stateRank} from './sort.js';

export type StateCount = {readonly state: string; readonly count: number};

export type Summary = {
	readonly counts: readonly StateCount[];
	readonly progress: number | undefined;
	/** The sums behind them, so the next poll's summary can be patched with the jobs that changed. */
	readonly tally: ReadonlyMap<string, number>;
	readonly sum: number;
	readonly known: number;
	/** Every progress summed is an integer (the parser truncates): patched sums are then exactly the recomputed ones. */
	readonly exact: boolean;
};

type Totals = {tally: Map<string, number>; sum: number; known: number; exact: boolean};

/** Adds (sign 1) or removes (sign -1) one job's part: gone jobs have none, Failed ones no progress. */
function count(totals: Totals, job: TrackedJob, sign: 1 | -1): void {
	if (job.gone !== undefined) {
		return;
	}

	const count = (totals.tally.get(job.state) ?? 0) + sign;
	if (count === 0) {
		totals.tally.delete(job.state);
	} else {
		totals.tally.set(job.state, count);
	}

	if (job.progress !== undefined && job.state !== 'Failed') {
		totals.sum += sign * job.progress;
		totals.known += sign;
		totals.exact &&= Number.isInteger(job.progress);
	}
}

const finish = ({tally, sum, known, exact}: Totals): Summary => ({
	counts: [...tally].map(([state, count]) => ({state, count}))
		.toSorted((a, b) => stateRank(a.state) - stateRank(b.state) || (a.state < b.state ? -1 : 1)),
	progress: known === 0 ? undefined : sum / known,
	tally,
	sum,
	known,
	exact,
});

const summaries = new WeakMap<ReadonlyMap<string, TrackedJob>, Summary>();

/** Counts and progress cover every job of the scope the server still lists (not the filtered rows, not gone jobs). */
export function summary(state: AppState): Summary {
	let result = summaries.get(state.jobs);
	if (result !== undefined) {
		return result;
	}

	// A poll changes a few jobs: patch the summary of the map it came from rather than count 10k jobs again.
	const delta = deltaOf(state.jobs);
	// Ids that came and went are counted in and out too; a poll that listed one twice is counted afresh.
	const membership = delta?.structural === true ? delta.membership : undefined;
	const before = delta === undefined || (delta.structural && membership === undefined) ? undefined : summaries.get(delta.from);
	if (before?.exact) {
		const totals = {
			tally: new Map(before.tally), sum: before.sum, known: before.known, exact: true,
		};
		for (const [previous, next] of delta!.changed) {
			count(totals, previous, -1);
			count(totals, next, 1);
		}

		// A dropped job was gone (kept a while, then dropped): it had no part to take out.
		for (const job of membership?.added ?? []) {
			count(totals, job, 1);
		}

		result = totals.exact ? finish(totals) : undefined;
	}

	if (result === undefined) {
		const totals = {
			tally: new Map<string, number>(), sum: 0, known: 0, exact: true,
		};
		for (const job of state.jobs.values()) {
			count(totals, job, 1);
		}

		result = finish(totals);
	}

	summaries.set(state.jobs, result);
	return result;
}
