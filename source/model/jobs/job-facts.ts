import {runProgressAfter, samplesAfter} from './history.js';
import {isTerminal, type JobFacts} from './job.js';
import {recordDelta} from './poll-delta.js';
import {tracked} from './tracked.js';
import type {TrackedJob} from './types.js';

/**
Folds what the background fetcher learnt from describe into the tracked jobs: progress for a job whose
list record has none (kept, with its age, until the list gives one or the state moves on), and the
true start of the current state: `completeTime` for a finished job, `createTime` for a Pending one.
*/

/** When the job entered `state`, if describe says: completeTime for a finished job, createTime for a Pending one. */
const trueSince = (state: string, facts: JobFacts): number | undefined => {
	if (isTerminal(state)) {
		return facts.completedAt;
	}

	return state === 'Pending' ? facts.createdAt : undefined;
};

const withFacts = (job: TrackedJob, facts: JobFacts): TrackedJob => {
	const takesProgress = facts.progress !== undefined && !isTerminal(job.state) && (job.progress === undefined || job.progressAt !== undefined)
		&& facts.at >= (job.progressAt ?? Number.NEGATIVE_INFINITY);
	const since = facts.state === job.state && !job.sinceExact ? trueSince(job.state, facts) : undefined;
	if (!takesProgress && since === undefined) {
		return job;
	}

	const progress = takesProgress ? facts.progress : job.progress;
	const moved = progress !== job.progress;
	const samples = moved ? samplesAfter(job, job.state, progress, facts.at) : job.samples;
	return tracked({...job, progress}, {
		firstSeen: job.firstSeen,
		lastChange: moved ? Math.max(job.lastChange, facts.at) : job.lastChange,
		stateSince: since ?? job.stateSince,
		stateChangedAt: job.stateChangedAt,
		samples,
		gone: job.gone,
		progressAt: takesProgress ? facts.at : job.progressAt,
		lastRunProgress: runProgressAfter(job, job.state, progress),
		sinceExact: since !== undefined || job.sinceExact,
	});
};

/** The previous map itself when nothing changed. */
export const applyFacts = (jobs: ReadonlyMap<string, TrackedJob>, facts: readonly JobFacts[]): ReadonlyMap<string, TrackedJob> => {
	let next: Map<string, TrackedJob> | undefined;
	const changed: Array<[TrackedJob, TrackedJob]> = [];
	for (const fact of facts) {
		const job = (next ?? jobs).get(fact.jobId);
		if (job === undefined || job.gone !== undefined) {
			continue;
		}

		const after = withFacts(job, fact);
		if (after !== job) {
			next ??= new Map(jobs);
			next.set(job.jobId, after);
			changed.push([job, after]);
		}
	}

	if (next === undefined) {
		return jobs;
	}

	recordDelta(next, {from: jobs, changed, structural: false});
	return next;
};
