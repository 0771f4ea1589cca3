import {shownJobId} from '../jobs/job-id.js';
import {mayHaveRate, rate, type WeightProfile} from '../jobs/rates.js';
import type {SortColumn, SortSpec, TrackedJob} from '../jobs/types.js';

/** Order of states in the state column: what needs a look first, finished work last. Unknown (future) states sit before Completed. */
const stateOrder = ['Failed', 'Importing', 'Committing', 'Uncommitted', 'Pending', 'None'];
export const stateRank = (state: string): number => {
	if (state === 'Completed') {
		return stateOrder.length + 1;
	}

	const index = stateOrder.indexOf(state);
	return index === -1 ? stateOrder.length : index;
};

const digits = /^\d+$/v;

/**
A string whose plain `<` order is compareJobIds' order (compare.ts): numeric ids first, then by
length without leading zeros (one char holds the length), the digits, and the full length as the
tie-break between spellings; the other ids after them, as strings. Comparing these is much cheaper
than testing both ids with a regex on every comparison.

Made by `join`, which gives V8 one flat string: `+` and template literals give a chain of concatenated
strings (two links for an 18-digit id), and the first comparison of the key flattens it into a copy that
the chain then also holds. At 10,000 jobs the rows' keys were most of the heap's 30,120 concatenated
strings (0.92 MB, a heap snapshot 90 s in); with `join`, and the journal's keys likewise (journal/observer.ts
recordKey), the same snapshot's heap was 0.4 MB smaller.
*/
export function idSortKey(id: string): string {
	if (!digits.test(id)) {
		return ['1', id].join('');
	}

	let zeros = 0;
	while (zeros < id.length - 1 && id.codePointAt(zeros) === 48) {
		zeros++;
	}

	const stripped = zeros === 0 ? id : id.slice(zeros);
	return ['0', String.fromCodePoint(stripped.length), stripped, String.fromCodePoint(id.length)].join('');
}

/**
A numeric key per job, ascending as the arrow ▲ says and `--sort=col` / `col:asc` mean (README "--sort"):
state in stateRank order, progress and rate lowest first, age (time in the current state) shortest first;
`reverse` (▼, `-col`, `col:desc`) turns each around. Unknown progress/rate is NaN: last either way (rowOrder).
jobId and collection have no number (0 for all).
*/
/** The weights a job's rate is read with (model/select/weights.ts); undefined: no rate. */
export type WeightsOf = (job: TrackedJob) => WeightProfile | undefined;

function numericKey(column: SortColumn, now: number, weights: WeightsOf): (job: TrackedJob) => number {
	switch (column) {
		case 'state': {
			return job => stateRank(job.state);
		}

		case 'progress': {
			return job => job.progress ?? Number.NaN;
		}

		case 'rate': {
			return job => rate(job, now, weights(job)) ?? Number.NaN;
		}

		case 'age': {
			return job => -job.stateSince;
		}

		case 'jobId':
		case 'collection': {
			return () => 0;
		}
	}
}

/** A job with its sort keys, computed once. visible.ts keeps the rows between polls and reuses those of unchanged jobs. */
export type SortRow = {readonly job: TrackedJob; readonly number: number; readonly text: string; readonly id: string};

/** Makes the rows of one sort; `id` may pass in a job's idSortKey already known (it depends on the id only). */
export type RowMaker = (job: TrackedJob, id?: string) => SortRow;

export const rowMaker = (column: SortColumn, now: number, weights: WeightsOf): RowMaker => {
	const key = numericKey(column, now, weights);
	const byCollection = column === 'collection';
	return (job, id) => ({
		job, number: key(job), text: byCollection ? job.collectionName.toLowerCase() : '', id: id ?? jobSortKey(job),
	});
};

/**
idSortKey of the id a person reads; with several contexts (ids keyed `context/id`) the context after a NUL,
which sorts before any other character: the same id on two clusters sits side by side, and keys stay distinct.
*/
export const jobSortKey = (job: TrackedJob): string =>
	job.context === undefined ? idSortKey(job.jobId) : `${idSortKey(shownJobId(job))}\u0000${job.context}`;

type Keyed = {readonly sort: SortSpec; readonly now: number};

/** Whether a row made for `before` (column, time) still holds the keys of the same job object under `after`. */
export const sameKeys = (before: Keyed, after: Keyed): boolean =>
	before.sort.column === after.sort.column && (after.sort.column !== 'rate' || before.now === after.now);

/** sameKeys for one job: a job that cannot have a rate keeps its rate key at any time. */
export const keyHolds = (before: Keyed, after: Keyed, job: TrackedJob): boolean =>
	sameKeys(before, after) || (before.sort.column === 'rate' && after.sort.column === 'rate' && !mayHaveRate(job));

const order = (a: string, b: string): number => (a < b ? -1 : (a > b ? 1 : 0));

/** Numbers in `sign` order; NaN (unknown) after every number, whichever the direction. */
const byNumber = (a: number, b: number, sign: number): number => {
	if (Number.isNaN(a) || Number.isNaN(b)) {
		return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
	}

	return sign * (a - b);
};

/** The comparison sortRows sorts by. */
export function rowOrder(sort: SortSpec): (a: SortRow, b: SortRow) => number {
	const sign = sort.reverse ? -1 : 1;
	return sort.column === 'jobId'
		? (a, b) => sign * order(a.id, b.id)
		: (a, b) => (byNumber(a.number, b.number, sign) || (sign * order(a.text, b.text))) || order(a.id, b.id);
}

/**
Sorts `rows` in place and returns it. Ties are always broken by ascending job id (the id keys
are distinct), so the order is total and does not depend on the (random, docs/milvus-rest.md#list) order of
the records. A poll usually moves no row at all: one pass checks that before sorting; otherwise
V8's TimSort finds the runs of a list given in its previous order (about n comparisons).
*/
export function sortRows(rows: SortRow[], sort: SortSpec): SortRow[] {
	const compare = rowOrder(sort);
	for (let index = 1; index < rows.length; index++) {
		if (compare(rows[index - 1]!, rows[index]!) > 0) {
			// eslint-disable-next-line unicorn/no-array-sort -- in place on purpose: the array is ours, a copy would double the work.
			return rows.sort(compare);
		}
	}

	return rows;
}

/**
A sorted copy. `reverse` flips the column's order; ties by ascending job id. `now` is the time
rates are computed at: the reducer passes its last poll time, so the order only changes when data does.
*/
export function sortJobs(jobs: readonly TrackedJob[], sort: SortSpec, now: number, weights: WeightsOf = () => undefined): TrackedJob[] {
	const make = rowMaker(sort.column, now, weights);
	return sortRows(jobs.map(job => make(job)), sort).map(row => row.job);
}

export const sortColumns: readonly SortColumn[] = ['state', 'progress', 'jobId', 'collection', 'rate', 'age'];
