import {deltaOf, type PollDelta} from '../jobs/poll-delta.js';
import type {AppState} from '../store/state.js';
import type {JobFilter, SortSpec, TrackedJob} from '../jobs/types.js';
import {
	keyHolds, rowMaker, rowOrder, sameKeys, sortRows, type RowMaker, type SortRow,
} from './sort.js';
import {weightsOf} from './weights.js';
import {compileFilter} from './filter.js';

type Visible = {
	readonly jobs: ReadonlyMap<string, TrackedJob>;
	readonly filter: JobFilter;
	readonly sort: SortSpec;
	/** The time rates were computed at (0 unless sorting by rate). */
	readonly now: number;
	/** What rates were read with (state.weights, state.v3Jobs): a change moves rows sorted by rate. */
	readonly weights: Pick<AppState, 'weights' | 'contextWeights' | 'v3Jobs'>;
	readonly rows: readonly SortRow[];
	readonly result: readonly TrackedJob[];
};

/** One memo per jobs map: the reducer and the view ask for the same list many times between polls. */
const memos = new WeakMap<ReadonlyMap<string, TrackedJob>, Visible>();

/**
The last list computed, whatever its map. Its rows seed the next one: a poll patches them (see
`patched`), a new filter or sort starts from their order, and the row of an unchanged job is reused.
*/
let last: Visible | undefined;

/** The time sorting by rate is computed at: the last good poll, so rows only move when data arrives. */
export const sortTime = (state: AppState): number => state.poll.lastOkAt ?? 0;

/** Whether rows sorted by `last` hold the rate keys `state` would give (the weights did not change, or do not matter). */
const sameWeights = (state: AppState, before: Visible): boolean =>
	state.sort.column !== 'rate' || (before.weights.weights === state.weights && before.weights.contextWeights === state.contextWeights && before.weights.v3Jobs === state.v3Jobs);

const makerFor = (state: AppState, now: number) => rowMaker(state.sort.column, now, job => weightsOf(job, state));

/** Rows of the matching jobs, those of the previous list first and in its order, then the rest. */
function candidates(state: AppState, now: number): SortRow[] {
	const matches = compileFilter(state.filter);
	const make = makerFor(state, now);
	const before = last !== undefined && sameWeights(state, last) ? last : undefined;
	const previous = last?.rows ?? [];
	const keyed = {sort: state.sort, now};
	const reuse = before !== undefined && sameKeys(before, keyed);
	const rows: SortRow[] = [];
	let found = 0;
	// The ids of the last rows are distinct (they came from a map), so counting tells whether any job is new.
	for (const row of previous) {
		const job = state.jobs.get(row.job.jobId);
		if (job !== undefined) {
			found++;
			if (matches(job)) {
				rows.push(job === row.job && before !== undefined && (reuse || keyHolds(before, keyed, job)) ? row : make(job, row.id));
			}
		}
	}

	if (found < state.jobs.size) {
		const placed = new Set(previous.map(row => row.job.jobId));
		for (const job of state.jobs.values()) {
			if (!placed.has(job.jobId) && matches(job)) {
				rows.push(make(job));
			}
		}
	}

	return rows;
}

/** Where `row`'s job sits in sorted `rows`, by binary search on its keys; -1 when it is not there. */
function find(rows: readonly SortRow[], row: SortRow, compare: (a: SortRow, b: SortRow) => number): number {
	let low = 0;
	let high = rows.length - 1;
	while (low <= high) {
		const middle = Math.floor((low + high) / 2);
		const order = compare(rows[middle]!, row);
		if (order === 0) {
			return rows[middle]!.job === row.job ? middle : -1;
		}

		if (order < 0) {
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return -1;
}

/**
The common poll: a few jobs changed, and maybe a few came or went (a busy cluster). The changed rows
are found by binary search and replaced (only if one of them is now out of place is the list sorted
again), then the dropped rows are left out and the new ones merged in. Undefined when this does not
apply (other map, filter or sort; a record listed twice; a job entering or leaving the filter; many
changes), and the caller starts from scratch.
*/
function patched(state: AppState, delta: PollDelta | undefined, now: number): Pick<Visible, 'rows' | 'result'> | undefined {
	const membership = delta?.structural === true ? delta.membership : undefined;
	if (last === undefined || delta === undefined || (delta.structural && membership === undefined) || last.jobs !== delta.from
		|| last.filter !== state.filter || last.sort !== state.sort || last.now !== now || !sameWeights(state, last)
		|| (delta.changed.length + (membership?.added.length ?? 0) + (membership?.dropped.length ?? 0)) * 16 > last.rows.length) {
		return undefined;
	}

	const matches = compileFilter(state.filter);
	const make = makerFor(state, now);
	const compare = rowOrder(state.sort);
	const places: Array<readonly [number, SortRow]> = [];
	for (const [before, after] of delta.changed) {
		const index = find(last.rows, make(before), compare);
		if (index === -1 ? matches(after) : !matches(after)) {
			return undefined;
		}

		if (index !== -1) {
			places.push([index, make(after, last.rows[index]!.id)]);
		}
	}

	const rows = [...last.rows];
	for (const [index, row] of places) {
		rows[index] = row;
	}

	// The other neighbours were in order before and did not change.
	const inOrder = places.every(([index]) => (index === 0 || compare(rows[index - 1]!, rows[index]!) <= 0)
		&& (index === rows.length - 1 || compare(rows[index]!, rows[index + 1]!) <= 0));
	if (membership !== undefined) {
		const moved = withMembership(inOrder ? rows : sortRows(rows, state.sort), membership, {matches, make, compare});
		return moved === undefined ? undefined : {rows: moved, result: moved.map(row => row.job)};
	}

	if (inOrder) {
		const result = [...last.result];
		for (const [index, row] of places) {
			result[index] = row.job;
		}

		return {rows, result};
	}

	const sorted = sortRows(rows, state.sort);
	return {rows: sorted, result: sorted.map(row => row.job)};
}

/**
Sorted `rows` without the dropped jobs' rows and with the added jobs' rows in their places: one pass,
no map or set of every id. Undefined if a dropped job that the filter matches has no row (then the
caller starts from scratch).
*/
function withMembership(
	rows: readonly SortRow[],
	membership: NonNullable<PollDelta['membership']>,
	{matches, make, compare}: {readonly matches: (job: TrackedJob) => boolean; readonly make: RowMaker; readonly compare: (a: SortRow, b: SortRow) => number},
): SortRow[] | undefined {
	const gone = new Set<SortRow>();
	for (const job of membership.dropped) {
		const index = find(rows, make(job), compare);
		if (index !== -1) {
			gone.add(rows[index]!);
		} else if (matches(job)) {
			return undefined;
		}
	}

	const fresh = membership.added.filter(job => matches(job)).map(job => make(job)).toSorted(compare);
	// Made at its final length (10,000 rows: pushing grew it by copies, ~2× its size in garbage a poll).
	const out = Array.from<SortRow>({length: rows.length - gone.size + fresh.length});
	let at = 0;
	let next = 0;
	for (const row of rows) {
		if (gone.has(row)) {
			continue;
		}

		while (next < fresh.length && compare(fresh[next]!, row) < 0) {
			out[at++] = fresh[next]!;
			next++;
		}

		out[at++] = row;
	}

	for (; next < fresh.length; next++) {
		out[at++] = fresh[next]!;
	}

	out.length = at; // As long as it was made, unless a gone row was not in `rows` after all
	return out;
}

/**
The server's jobs to show (history-rows.ts adds the journal's after them): filtered, then sorted (stable across polls, see sort.ts). Memoized on the jobs
map, filter, sort and (for the rate column) poll time, so it costs nothing between polls. It does
not depend on the wall clock: the screen's `now` only affects what a row says, not where it is.
*/
export function listedJobs(state: AppState): readonly TrackedJob[] {
	const now = state.sort.column === 'rate' ? sortTime(state) : 0;
	const memo = memos.get(state.jobs);
	if (memo?.filter === state.filter && memo.sort === state.sort && memo.now === now && sameWeights(state, memo)) {
		return memo.result;
	}

	let done = patched(state, deltaOf(state.jobs), now);
	if (done === undefined) {
		const rows = sortRows(candidates(state, now), state.sort);
		done = {rows, result: rows.map(row => row.job)};
	}

	last = {
		jobs: state.jobs, filter: state.filter, sort: state.sort, now, weights: {weights: state.weights, contextWeights: state.contextWeights, v3Jobs: state.v3Jobs}, ...done,
	};
	memos.set(state.jobs, last);
	return last.result;
}
