import {rate} from './rates.js';
import type {SortColumn, SortSpec, TrackedJob} from './types.js';

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
*/
export function idSortKey(id: string): string {
	if (!digits.test(id)) {
		return `1${id}`;
	}

	let zeros = 0;
	while (zeros < id.length - 1 && id.codePointAt(zeros) === 48) {
		zeros++;
	}

	const stripped = zeros === 0 ? id : id.slice(zeros);
	return `0${String.fromCodePoint(stripped.length)}${stripped}${String.fromCodePoint(id.length)}`;
}

/**
A numeric key per job, oriented so that ascending order is the column's natural one: state in
stateRank order, progress and rate highest first, age (time in the current state) longest first.
Unknown progress/rate sort last. jobId and collection have no number (0 for all).
*/
function numericKey(column: SortColumn, now: number): (job: TrackedJob) => number {
	switch (column) {
		case 'state': {
			return job => stateRank(job.state);
		}

		case 'progress': {
			return job => -(job.progress ?? -1);
		}

		case 'rate': {
			return job => -(rate(job, now) ?? Number.NEGATIVE_INFINITY);
		}

		case 'age': {
			return job => job.stateSince;
		}

		case 'jobId':
		case 'collection': {
			return () => 0;
		}
	}
}

type Row = {readonly job: TrackedJob; readonly number: number; readonly text: string; readonly id: string};

const order = (a: string, b: string): number => (a < b ? -1 : (a > b ? 1 : 0));

/**
A sorted copy. `reverse` flips the column's order; ties are always broken by ascending job id, so
the order does not depend on the (random, milvus §8.2) order of the records. `now` is the time rates
are computed at: the reducer passes its last poll time, so the order only changes when data does.
Keys are computed once per job, not per comparison. Pass the rows in the previous order where there
is one: V8's TimSort finds the runs, so a poll that moved a few jobs costs about n comparisons.
*/
export function sortJobs(jobs: readonly TrackedJob[], sort: SortSpec, now: number): TrackedJob[] {
	const sign = sort.reverse ? -1 : 1;
	const key = numericKey(sort.column, now);
	const byCollection = sort.column === 'collection';
	const rows: Row[] = jobs.map(job => ({
		job, number: key(job), text: byCollection ? job.collectionName.toLowerCase() : '', id: idSortKey(job.jobId),
	}));
	const compare = sort.column === 'jobId'
		? (a: Row, b: Row) => sign * order(a.id, b.id)
		: (a: Row, b: Row) => (sign * ((a.number - b.number) || order(a.text, b.text))) || order(a.id, b.id);
	return rows.toSorted(compare).map(row => row.job);
}

export const sortColumns: readonly SortColumn[] = ['state', 'progress', 'jobId', 'collection', 'rate', 'age'];
