import {isTerminal, type Job} from './job.js';
import type {JobEvent, JobEventKind, TrackedJob} from './types.js';

/** Progress samples kept per job: enough for a rate over the rows stage (30 points at most). */
export const maxSamples = 20;

export type MergeOptions = {
	readonly at: number;
	/** The previous good poll of this scope; undefined on the first one (no events then: those jobs "were already" so). */
	readonly previousAt: number | undefined;
	readonly stallAfterMs: number;
	readonly goneKeepMs: number;
};

export type MergeResult = {
	/** The previous map itself when nothing changed. */
	readonly jobs: ReadonlyMap<string, TrackedJob>;
	readonly events: readonly JobEvent[];
};

const event = (at: number, kind: JobEventKind, job: Job, detail = ''): JobEvent =>
	({
		at, kind, jobId: job.jobId, collectionName: job.collectionName, detail,
	});

/** Waiting for a person to commit (3.0, auto_commit=false) is not a stall. */
const canStall = (job: TrackedJob): boolean => job.gone === undefined && !isTerminal(job.state) && job.state !== 'Uncommitted';

export function isStalled(job: TrackedJob, now: number, stallAfterMs: number): boolean {
	return canStall(job) && now - job.lastChange >= stallAfterMs;
}

function track(job: Job, at: number): TrackedJob {
	return {
		...job,
		firstSeen: at,
		lastChange: at,
		stateSince: at,
		stateChangedAt: undefined,
		samples: job.progress === undefined ? [] : [{at, progress: job.progress}],
		gone: undefined,
	};
}

function samplesAfter(previous: TrackedJob, progress: number | undefined, at: number): TrackedJob['samples'] {
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

function transitionEvents(previous: TrackedJob, job: Job, at: number): JobEvent[] {
	switch (job.state) {
		case 'Failed': {
			return [event(at, 'failed', job, job.reason)];
		}

		case 'Completed': {
			return [event(at, 'completed', job)];
		}

		default: {
			return previous.state === job.state ? [] : [event(at, 'state', job, job.state)];
		}
	}
}

function update(previous: TrackedJob, job: Job, options: MergeOptions, events: JobEvent[]): TrackedJob {
	const {at, previousAt} = options;
	const stateChanged = previous.state !== job.state;
	const progressChanged = previous.progress !== job.progress;
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

	return {
		...previous,
		...job,
		lastChange: stateChanged || progressChanged || previous.gone !== undefined ? at : previous.lastChange,
		stateSince: stateChanged ? at : previous.stateSince,
		stateChangedAt: stateChanged ? at : previous.stateChangedAt,
		samples: samplesAfter(previous, job.progress, at),
		gone: undefined,
	};
}

function appeared(job: Job, at: number): JobEvent {
	switch (job.state) {
		case 'Failed': {
			return event(at, 'failed', job, job.reason);
		}

		case 'Completed': {
			return event(at, 'completed', job);
		}

		default: {
			return event(at, 'appeared', job, job.state);
		}
	}
}

/**
Merges one poll's records into the tracked jobs. A tracked job missing from the poll becomes
'expired' if it had finished (Milvus GCs finished jobs ~3 h after they end, `taskRetention`) or
'lost' if it was still running; it stays visible for `goneKeepMs` and is then dropped. A job that
comes back is tracked on as if it had never left.
*/
export function mergePoll(previous: ReadonlyMap<string, TrackedJob>, records: readonly Job[], options: MergeOptions): MergeResult {
	const {at} = options;
	const first = options.previousAt === undefined;
	const events: JobEvent[] = [];
	const next = new Map<string, TrackedJob>();
	let changed = false;
	for (const job of records) {
		// A record listed twice in one answer updates the copy merged a moment ago.
		const before = next.get(job.jobId) ?? previous.get(job.jobId);
		if (before === undefined) {
			changed = true;
			next.set(job.jobId, track(job, at));
			if (!first) {
				events.push(appeared(job, at));
			}

			continue;
		}

		const after = update(before, job, options, events);
		changed ||= after !== before;
		next.set(job.jobId, after);
	}

	for (const [jobId, job] of previous) {
		if (next.has(jobId)) {
			continue;
		}

		if (job.gone === undefined) {
			const gone = isTerminal(job.state) ? 'expired' : 'lost';
			events.push(event(at, gone, job, job.state));
			next.set(jobId, {...job, gone, lastChange: at});
			changed = true;
		} else if (at - job.lastChange < options.goneKeepMs) {
			next.set(jobId, job);
		} else {
			changed = true;
		}
	}

	return {jobs: changed ? next : previous, events};
}
