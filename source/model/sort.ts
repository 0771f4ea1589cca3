import {compareJobIds} from './compare.js';
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

/**
A numeric key per job, or undefined for the columns compared as strings. Each key is oriented so
that ascending order is the column's natural one: state in stateRank order, progress and rate
highest first, age (time in the current state) longest first. Unknown progress/rate sort last.
*/
function numericKey(column: SortColumn, now: number): ((job: TrackedJob) => number) | undefined {
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
			return undefined;
		}
	}
}

const byCollection = (a: TrackedJob, b: TrackedJob): number => {
	const x = a.collectionName.toLowerCase();
	const y = b.collectionName.toLowerCase();
	return x < y ? -1 : (x > y ? 1 : 0);
};

/**
A sorted copy. `reverse` flips the column's order; ties are always broken by
ascending job id, so the order does not depend on the (random, milvus §8.2) order of the records.
`now` is the time rates are computed at: the reducer passes its last poll time, so the order only
changes when data does.
*/
export function sortJobs(jobs: readonly TrackedJob[], sort: SortSpec, now: number): TrackedJob[] {
	const sign = sort.reverse ? -1 : 1;
	if (sort.column === 'jobId') {
		return jobs.toSorted((a, b) => sign * compareJobIds(a.jobId, b.jobId));
	}

	if (sort.column === 'collection') {
		return jobs.toSorted((a, b) => (sign * byCollection(a, b)) || compareJobIds(a.jobId, b.jobId));
	}

	const key = numericKey(sort.column, now)!;
	// Keys computed once per job, not once per comparison (rates walk the samples).
	return jobs.map(job => ({job, key: key(job)}))
		.toSorted((a, b) => (sign * (a.key - b.key || 0)) || compareJobIds(a.job.jobId, b.job.jobId))
		.map(({job}) => job);
}

export const sortColumns: readonly SortColumn[] = ['state', 'progress', 'jobId', 'collection', 'rate', 'age'];
