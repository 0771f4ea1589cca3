import {isTerminal, type Job} from './job.js';
import {appeared, event, transitionEvents} from './job-events.js';
import {recordDelta} from './poll-delta.js';
import {noSamples, track, tracked} from './tracked.js';
import type {JobEvent, TrackedJob} from './types.js';

/** Progress samples kept per job: enough for a rate over the rows stage (30 points at most). */
export const maxSamples = 20;

/**
Gone jobs kept on screen at most, the most recently gone: a cluster whose finished jobs leave the list by
the thousand (Milvus' garbage collection of a large batch, ~3 h after it ended) would otherwise hold every
one of them for goneKeepMs, in memory and on screen, far more rows than a person reads. The events are
given all the same (the event log, the journal and notifications see each one).
*/
export const maxGoneKept = 1000;

export type MergeOptions = {
	readonly at: number;
	/** The previous good poll of this scope; undefined on the first one (no events then: those jobs "were already" so). */
	readonly previousAt: number | undefined;
	readonly stallAfterMs: number;
	readonly goneKeepMs: number;
	/** At most this many gone jobs are kept (the most recently gone); default maxGoneKept. */
	readonly goneKeepMax?: number;
	/**
	Tracked jobs of scopes left behind: on the first poll of a scope, a job found here in the same state keeps
	its times (time in state, rate samples, stall clock) instead of starting over. No event comes of it.
	*/
	readonly carried?: ReadonlyMap<string, TrackedJob>;
	/** False: keep no progress samples (the journal's copy: it shows no rate). */
	readonly samples?: boolean;
};

export type MergeResult = {
	/** The previous map itself when nothing changed. */
	readonly jobs: ReadonlyMap<string, TrackedJob>;
	readonly events: readonly JobEvent[];
};

/** Waiting for a person to commit (3.0, auto_commit=false) is not a stall. */
const canStall = (job: TrackedJob): boolean => job.gone === undefined && !isTerminal(job.state) && job.state !== 'Uncommitted';

export function isStalled(job: TrackedJob, now: number, stallAfterMs: number): boolean {
	return canStall(job) && now - job.lastChange >= stallAfterMs;
}

/**
Progress samples serve one thing: the rate and ETA of an Importing job (rates.ts, `mayHaveRate`). A job in
any other state keeps none. With 10,000 jobs most are finished, and their samples (up to 20 objects
each, for the life of the row) were most of what the model held after a few minutes.
*/
export function samplesAfter(previous: TrackedJob, state: string, progress: number | undefined, at: number): TrackedJob['samples'] {
	if (state !== 'Importing') {
		return noSamples;
	}

	if (previous.state !== 'Importing') {
		// Samples of an earlier state are in no band of this one that moves with rows (rates.ts: stages).
		return progress === undefined ? noSamples : [{at, progress}];
	}

	if (progress === undefined || progress === previous.progress) {
		return previous.samples;
	}

	const last = previous.samples.at(-1);
	// Progress went back (a Failed job drops to 0, a retried one restarts): the old line means nothing now.
	if (last !== undefined && progress < last.progress) {
		return [{at, progress}];
	}

	const kept = previous.samples.length >= maxSamples ? previous.samples.slice(1 - maxSamples) : previous.samples;
	return [...kept, {at, progress}];
}

/**
The progress to keep: the list's; else, while the state holds, what describe said (Zilliz Cloud's list
has none, and a poll must not wipe what the background fetcher found).
*/
const keptProgress = (previous: TrackedJob, job: Job): {readonly progress: number | undefined; readonly progressAt: number | undefined} =>
	job.progress !== undefined || previous.progressAt === undefined || previous.state !== job.state
		? {progress: job.progress, progressAt: undefined}
		: {progress: previous.progress, progressAt: previous.progressAt};

/** The last progress seen while unfinished: what a Failed job shows (Milvus drops it to 0 on failure). */
export const runProgressAfter = (previous: TrackedJob, state: string, progress: number | undefined): number | undefined => {
	if (!isTerminal(state)) {
		return progress ?? previous.lastRunProgress;
	}

	return !isTerminal(previous.state) && previous.progress !== undefined ? previous.progress : previous.lastRunProgress;
};

/**
One tracked job merged with its record of this poll; its events are pushed to `events`. Returns
`previous` itself when nothing changed. (Also the journal's in-place merge: journal/live-jobs.ts.)
*/
export function update(previous: TrackedJob, job: Job, options: MergeOptions, events: JobEvent[]): TrackedJob {
	const {at, previousAt} = options;
	const stateChanged = previous.state !== job.state;
	const {progress, progressAt} = keptProgress(previous, job);
	const progressChanged = previous.progress !== progress;
	if (!stateChanged && !progressChanged && previous.gone === undefined
		&& previous.reason === job.reason && previous.collectionName === job.collectionName) {
		// A stall is reported once: in the poll where "no change" first reaches the limit.
		if (previousAt !== undefined && canStall(previous)
			&& previousAt - previous.lastChange < options.stallAfterMs && at - previous.lastChange >= options.stallAfterMs) {
			events.push(event(at, 'stalled', previous, job.state));
		}

		return previous;
	}

	if (stateChanged) {
		events.push(...transitionEvents(previous, job, at));
	} else if (previous.gone !== undefined) {
		events.push(event(at, 'appeared', job, job.state));
	}

	// The strings already tracked are kept where they are equal, for the same reason as the map keys.
	const same: Job = {
		jobId: previous.jobId,
		collectionName: previous.collectionName === job.collectionName ? previous.collectionName : job.collectionName,
		state: stateChanged ? job.state : previous.state,
		progress,
		reason: previous.reason === job.reason ? previous.reason : job.reason,
		context: previous.context,
	};
	return tracked(same, {
		firstSeen: previous.firstSeen,
		lastChange: stateChanged || progressChanged || previous.gone !== undefined ? at : previous.lastChange,
		stateSince: stateChanged ? at : previous.stateSince,
		stateChangedAt: stateChanged ? at : previous.stateChangedAt,
		samples: options.samples === false ? noSamples : samplesAfter(previous, job.state, progress, progressAt ?? at),
		gone: undefined,
		progressAt,
		lastRunProgress: runProgressAfter(previous, job.state, progress),
		// A change seen between two polls is known to the poll.
		sinceExact: stateChanged || previous.sinceExact,
	});
}

/** A job of the first poll of a scope: its times carried from an earlier scope where it was in the same state, else new. */
function trackCarried(job: Job, options: MergeOptions): TrackedJob {
	const earlier = options.carried?.get(job.jobId);
	// Same state, not gone: no event can come of it (no previous poll: no stall report either).
	return earlier?.state === job.state && earlier.gone === undefined
		? update(earlier, job, {...options, previousAt: undefined}, [])
		: track(job, options.at, false);
}

/** A tracked job the poll did not list, the first time: marked gone ('expired' if it had finished, else 'lost'), with its event. */
export function markGone(job: TrackedJob, at: number, events: JobEvent[]): TrackedJob {
	const gone = isTerminal(job.state) ? 'expired' : 'lost';
	events.push(event(at, gone, job, job.state));
	return tracked(job, {...job, gone, lastChange: at});
}

/** A job already marked gone and still not listed is kept for goneKeepMs after it vanished, then dropped. */
export const keepsGone = (job: TrackedJob, options: MergeOptions): boolean => options.at - job.lastChange < options.goneKeepMs;

/** A tracked job the poll did not list: marked gone once (with an event), dropped after goneKeepMs. Returns what is kept, if anything. */
function goneOrDropped(job: TrackedJob, options: MergeOptions, events: JobEvent[]): TrackedJob | undefined {
	if (job.gone === undefined) {
		return markGone(job, options.at, events);
	}

	return keepsGone(job, options) ? job : undefined;
}

/**
Merges one poll's records into the tracked jobs. A tracked job missing from the poll becomes
'expired' if it had finished (Milvus GCs finished jobs ~3 h after they end, `taskRetention`) or
'lost' if it was still running; it stays visible for `goneKeepMs` (the latest `maxGoneKept` of them) and is then dropped. A job that
comes back is tracked on as if it had never left.
*/
export function mergePoll(previous: ReadonlyMap<string, TrackedJob>, records: readonly Job[], options: MergeOptions): MergeResult {
	const {at} = options;
	const first = options.previousAt === undefined;
	const events: JobEvent[] = [];
	const next = new Map<string, TrackedJob>();
	const changes: Array<[TrackedJob, TrackedJob]> = [];
	let changed = false;
	let added = 0;
	const arrived: TrackedJob[] = [];
	const dropped: TrackedJob[] = [];
	for (const job of records) {
		const before = previous.get(job.jobId);
		if (before !== undefined) {
			// A record listed twice in one answer: the later one wins (the parser passes duplicates on; Milvus never sends them, but a proxy or a future server might).
			const after = update(before, job, options, events);
			if (after !== before) {
				changed = true;
				changes.push([before, after]);
			}

			// Keyed by the tracked string, not the record's: a fresh string per job per poll would be kept by the
			// new map and promoted by the GC on every poll (measured: 4 ms → 10+ ms per 10k-job poll).
			next.set(before.jobId, after);
			continue;
		}

		const again = next.get(job.jobId);
		if (again === undefined) {
			added++;
			const fresh = first ? trackCarried(job, options) : track(job, at, true);
			next.set(job.jobId, fresh);
			arrived.push(fresh);
			if (!first) {
				events.push(appeared(job, at));
			}
		} else {
			next.set(job.jobId, update(again, job, options, events));
		}

		changed = true;
	}

	// A record listed twice makes `changes` list a job twice: the selectors then start over.
	const twice = next.size !== records.length;
	let structural = added > 0 || twice;
	// Every id is counted once in next.size, so equal sizes mean no tracked job is missing (the usual case): skip the scan.
	if (next.size - added !== previous.size) {
		changed = true;
		// The previous map lists the jobs its poll listed before those already gone, the latest gone first
		// (this loop appends them to next in its own order): the first ones are the most recently gone.
		const keepMax = options.goneKeepMax ?? maxGoneKept;
		let goneKept = 0;
		// By value, not [id, job] entries: each entry is a new two-element array, 10,000 a poll whenever a job is gone.
		for (const job of previous.values()) {
			const {jobId} = job;
			if (next.has(jobId)) {
				continue;
			}

			let kept = goneOrDropped(job, options, events);
			// Only a job gone since an earlier poll gives way: one gone in this poll is first shown marked (the
			// selectors patch a dropped job as a gone one), so at most this poll's newly gone are over the limit, for a poll.
			if (kept !== undefined && ++goneKept > keepMax && job.gone !== undefined) {
				kept = undefined;
			}

			if (kept === undefined) {
				structural = true;
				dropped.push(job);
				continue;
			}

			next.set(jobId, kept);
			if (kept !== job) {
				changes.push([job, kept]);
			}
		}
	}

	if (!changed) {
		return {jobs: previous, events};
	}

	recordDelta(next, {
		from: previous, changed: changes, structural, membership: twice ? undefined : {added: arrived, dropped},
	});
	return {jobs: next, events};
}
