import type {Job} from '../model/jobs/job.js';
import {
	keepsGone, markGone, update, type MergeOptions,
} from '../model/jobs/history.js';
import {appeared} from '../model/jobs/job-events.js';
import {track} from '../model/jobs/tracked.js';
import {rebuildIfChurned} from '../model/jobs/churn.js';
import type {JobEvent, TrackedJob} from '../model/jobs/types.js';

/** One tracked job, updated in place from poll to poll. */
type Entry = {
	job: TrackedJob;
	/** The job as the previous poll left it, set when this poll first lists it: a record listed twice is merged from it, as mergePoll does. Undefined for a job new in this poll. */
	was: TrackedJob | undefined;
	/** The last poll (a generation number) that listed it. */
	seen: number;
};

export type LiveJobs = {
	/** Merges one poll into the jobs in place; the events are mergePoll's for the same poll, in its order. No `carried`: the journal has none. */
	readonly merge: (records: readonly Job[], options: Omit<MergeOptions, 'carried'>) => JobEvent[];
	readonly get: (jobId: string) => TrackedJob | undefined;
};

/**
The journal's tracked jobs, kept in one long-lived map and merged in place: the same jobs and events
as mergePoll (model/jobs/history.ts) would give, whatever the order of the list (Milvus lists in a new
order every call), without the new 10,000-entry map per poll. Each entry carries the number of the last
poll that listed it: a record listed twice, and a tracked job the poll did not list, are found without
a per-poll set. The journal's own: no one else holds these jobs, and there is no poll delta for selectors.
*/
export const createLiveJobs = (seeded: ReadonlyMap<string, TrackedJob>): LiveJobs => {
	const entries = new Map<string, Entry>();
	// The distinct entries listed by the last poll that changed anything (before the first poll, the seed), in its
	// order: mergePoll's map is in that order (it keeps its map when nothing changed), and so are its gone events.
	// Two arrays, swapped when a poll changed something.
	let listed: Entry[] = [];
	let listing: Entry[] = [];
	// Entries marked gone and kept (goneKeepMs), so that they are dropped later without a scan of all.
	const goneKept: Entry[] = [];
	let generation = 0;
	/** Entries deleted since the map's table was last rebuilt (churn.ts). */
	let deleted = 0;
	for (const job of seeded.values()) {
		const entry: Entry = {job, was: undefined, seen: 0};
		entries.set(job.jobId, entry);
		listed.push(entry);
	}

	/** The tracked jobs this poll did not list: the gone ones are dropped or kept, the others marked gone. */
	const sweep = (options: Omit<MergeOptions, 'carried'>, events: JobEvent[]): void => {
		let kept = 0;
		// One listed again is no longer gone (update cleared it); one still not listed is kept or dropped, with no event.
		for (const entry of goneKept) {
			if (entry.seen !== generation) {
				if (keepsGone(entry.job, options)) {
					goneKept[kept++] = entry;
				} else {
					entries.delete(entry.job.jobId);
					deleted++;
				}
			}
		}

		goneKept.length = kept;
		// Every job not gone was listed by the last poll that changed anything: it is in `listed`, in mergePoll's order.
		for (const entry of listed) {
			if (entry.seen !== generation && entry.job.gone === undefined) {
				entry.job = markGone(entry.job, options.at, events);
				goneKept.push(entry);
			}
		}
	};

	return {
		merge(records, options) {
			generation++;
			const first = options.previousAt === undefined;
			const events: JobEvent[] = [];
			const before = entries.size;
			let listedBefore = 0;
			let count = 0;
			// As mergePoll's: a job changed, was added or is gone. Only then does its map take the poll's order.
			let changed = false;
			for (const job of records) {
				const entry = entries.get(job.jobId);
				if (entry === undefined) {
					changed = true;
					const added: Entry = {job: track(job, options.at, !first), was: undefined, seen: generation};
					entries.set(job.jobId, added);
					listing[count++] = added;
					if (!first) {
						events.push(appeared(job, options.at));
					}
				} else if (entry.seen === generation) {
					// Listed twice in one answer: the later record wins, merged from what mergePoll merges it from.
					entry.job = update(entry.was ?? entry.job, job, options, events);
					changed ||= entry.job !== entry.was;
				} else {
					const previous = entry.job;
					entry.seen = generation;
					entry.was = previous;
					entry.job = update(previous, job, options, events);
					changed ||= entry.job !== previous;
					listing[count++] = entry;
					listedBefore++;
				}
			}

			listing.length = count;
			// As mergePoll: when every tracked job was listed, none is gone (the usual poll); no scan.
			if (listedBefore === before) {
				goneKept.length = 0;
			} else {
				changed = true;
				sweep(options, events);
			}

			if (rebuildIfChurned(entries, deleted)) {
				deleted = 0;
			}

			if (changed) {
				const swap = listed;
				listed = listing;
				listing = swap;
			}

			return events;
		},
		get: jobId => entries.get(jobId)?.job,
	};
};
