import {mergePoll} from '../../source/model/jobs/history.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';
import {
	recordKey, seed, toRecord, type JobObserver, type JournalIndex,
} from '../../source/journal/observer.js';

/**
The journal's observer as it was before it merged in place: mergePoll on its own map, a new map per
poll. The reference the in-place one is held to (test/journal/observer-in-place.test.ts, bench/journal.ts).
*/
export const createPlainObserver = (index: JournalIndex, stallAfterMs: number): JobObserver => {
	let scopeKey: string | undefined;
	let jobs: ReadonlyMap<string, TrackedJob> = new Map();
	let previousAt = 0;
	return {
		observe(scope, list, at) {
			const key = JSON.stringify([scope.cluster, scope.db, scope.collections]);
			if (key !== scopeKey) {
				scopeKey = key;
				({jobs, at: previousAt} = seed(index, scope));
			}

			const merged = mergePoll(jobs, list, {
				at, previousAt, stallAfterMs, goneKeepMs: 0,
			});
			const records = merged.events.map(event => toRecord(event, scope, merged.jobs.get(event.jobId) ?? jobs.get(event.jobId)));
			jobs = merged.jobs;
			previousAt = at;
			for (const record of records) {
				index.set(recordKey(record.cluster, record.db, record.jobId), record);
			}

			return records;
		},
	};
};
