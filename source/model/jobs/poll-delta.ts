import type {TrackedJob} from './types.js';

/**
What one poll changed, for the selectors: a poll of 10k jobs changes about 1 % of them, and
recomputing the visible list and the counts from all of them took most of the per-poll budget.
mergePoll records one per new map; select.ts patches its previous results with it.
*/
export type PollDelta = {
	/** The map the new one was made from. */
	readonly from: ReadonlyMap<string, TrackedJob>;
	/** Each job whose object changed under the same id, once: the previous object and the new one. */
	readonly changed: ReadonlyArray<readonly [before: TrackedJob, after: TrackedJob]>;
	/** Ids were added or dropped (or a record came twice). */
	readonly structural: boolean;
	/**
	With `structural`: the jobs whose ids came and went, when that is all (no record came twice; on a
	busy cluster most polls add a few jobs and drop a few gone ones). Undefined: the selectors recompute from scratch.
	*/
	readonly membership?: {readonly added: readonly TrackedJob[]; readonly dropped: readonly TrackedJob[]};
};

/** Keyed by the new map, so a delta lives exactly as long as the state that holds it. */
const deltas = new WeakMap<ReadonlyMap<string, TrackedJob>, PollDelta>();

export const recordDelta = (map: ReadonlyMap<string, TrackedJob>, delta: PollDelta): void => {
	deltas.set(map, delta);
	// Only the newest step is ever read. Left in place, each map's delta would keep the map before it
	// alive through `from`, and that one its own: every poll's 10k-job map, forever (+0.6 MB per poll).
	deltas.delete(delta.from);
};

/** How `map` was made from another, when it came out of mergePoll. */
export const deltaOf = (map: ReadonlyMap<string, TrackedJob>): PollDelta | undefined => deltas.get(map);
