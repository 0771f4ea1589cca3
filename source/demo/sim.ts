import type {RunPhase} from './flavor.js';
import {between} from './rng.js';

/**
The job phase machine. A job is planned once, when it is created: every phase gets a start and an end,
every file its own pace, and a failure (if any) its moment. After that, where a job stands is a pure
function of the plan and the clock (`phaseAt`), so a client polling every 100 ms sees exactly what one
polling every 5 s sees, and the server needs no timers.
*/

export type SimFile = {
	/** One file, or a numpy column group (several paths). */
	readonly paths: readonly string[];
	readonly size: number;
	readonly rows: number;
	/** Fraction of the Pending phase at which this file's pre-import task was created. */
	readonly taskAt: number;
	/** Fraction of PreImporting at which its pre-import task finished. */
	readonly preImportAt: number;
	/** ≥ 1: how much faster than the slowest file its rows are written. */
	readonly speed: number;
	/** Its import task fails once and is retried (2.5+, retry.ts). */
	readonly retry?: TaskRetry;
};

/**
A file's import task that fails on a worker and is dispatched again: task state `Retry` (2.5+,
docs/milvus-rest.md#describe). The worker reports a retriable error (a lost node, a busy one),
datacoord clears the rows that attempt wrote and sends the task out again, which starts from 0.
So a describe shows that file as `Retry` with 0 rows, then `Pending`/`InProgress` again; the job
stays `Importing`, its rows and progress dip meanwhile (progress is not monotonic, docs/milvus-rest.md#progress).
Planned once with the job, like the rest: the view is still a pure function of (job, clock).
*/
export type TaskRetry = {
	/** Fraction of the Importing step at which the first attempt fails. */
	readonly at: number;
	/** Fraction at which the new attempt starts, from 0. */
	readonly resumeAt: number;
	/** `details[].reason` while the task is in Retry. */
	readonly reason: string;
};

export type Step = {readonly phase: RunPhase; readonly start: number; readonly end: number};

export type Failure = {readonly at: number; readonly reason: string; readonly file: number | undefined};

export type SimJob = {
	readonly jobId: string;
	readonly dbName: string;
	readonly collectionName: string;
	readonly collectionId: bigint;
	readonly autoCommit: boolean;
	readonly createdAt: number;
	readonly files: readonly SimFile[];
	/** Contiguous; the last end is the completion time. */
	readonly steps: readonly Step[];
	readonly failure: Failure | undefined;
};

export type Snapshot
	= | {readonly phase: RunPhase; readonly step: Step; readonly fraction: number}
		| {readonly phase: 'Completed'; readonly at: number}
		| {readonly phase: 'Failed'; readonly at: number; readonly step: Step | undefined; readonly fraction: number};

/**
How long an Uncommitted job waits: Milvus waits for a commit or an abort for ever (or until the
create's `options.timeout`); a day is for ever to a demo, and keeps every plan finite.
*/
export const commitWaitSeconds = 86_400;

/** Seconds each phase lasts, min–max: long enough to watch, short enough to finish within a few minutes. */
const durations: Readonly<Record<RunPhase, readonly [number, number]>> = {
	Pending: [3, 10],
	PreImporting: [6, 15],
	Resharding: [20, 50],
	Planning: [2, 5],
	Importing: [20, 60],
	Sorting: [5, 15],
	IndexBuilding: [10, 40],
	Uncommitted: [commitWaitSeconds, commitWaitSeconds],
	Committing: [3, 6],
};

export type FileSpec = {readonly paths: readonly string[]; readonly size: number; readonly rows: number};

/** Where a planned failure strikes: a phase and how far into it. */
export type FailureSpec = {readonly phase: RunPhase; readonly fraction: number; readonly reason: string; readonly file?: number};

export type JobSpec = {
	readonly jobId: string;
	readonly dbName: string;
	readonly collectionName: string;
	readonly collectionId: bigint;
	readonly files: readonly FileSpec[];
	readonly autoCommit: boolean;
	readonly createdAt: number;
	/** `options.timeout` of create: the job fails with `import timeout` if it is not done by then. */
	readonly timeoutMs?: number;
};

const staggered = (random: () => number, count: number): number[] =>
	// The last one ends the phase, so the phase boundary and the last file agree.
	Array.from({length: count}, (_, i) => (i === count - 1 ? 1 : between(random, 0.05, 1))).toSorted((a, b) => a - b);

export const planJob = (spec: JobSpec, phases: readonly RunPhase[], random: () => number, failure?: FailureSpec): SimJob => {
	const steps: Step[] = [];
	let start = spec.createdAt;
	for (const phase of phases) {
		const [min, max] = durations[phase];
		const end = start + Math.round(between(random, min, max) * 1000);
		steps.push({phase, start, end});
		start = end;
	}

	const taskAt = staggered(random, spec.files.length);
	const preImportAt = staggered(random, spec.files.length);
	const speeds = spec.files.map((_, i) => (i === 0 ? 1 : between(random, 1, 2)));
	const files = spec.files.map((file, i) => ({
		...file, taskAt: taskAt[i]!, preImportAt: preImportAt[i]!, speed: speeds[i]!,
	}));
	const job: SimJob = {
		...spec, files, steps, failure: undefined,
	};
	// A phase this version lacks (Sorting on 2.4): fail while writing rows instead.
	const step = failure && (steps.find(candidate => candidate.phase === failure.phase) ?? steps.find(candidate => candidate.phase === 'Importing'));
	if (failure && step) {
		return {...job, failure: {at: step.start + Math.round((step.end - step.start) * failure.fraction), reason: failure.reason, file: failure.file}};
	}

	if (spec.timeoutMs !== undefined && spec.createdAt + spec.timeoutMs < start) {
		return {...job, failure: {at: spec.createdAt + spec.timeoutMs, reason: 'import timeout', file: undefined}};
	}

	return job;
};

export const completionTime = (job: SimJob): number => job.steps.at(-1)?.end ?? job.createdAt;

const locate = (job: SimJob, now: number): {readonly step: Step; readonly fraction: number} | undefined => {
	const step = job.steps.find(candidate => now < candidate.end) ?? undefined;
	if (!step) {
		return undefined;
	}

	const fraction = Math.max(0, Math.min(1, (now - step.start) / (step.end - step.start)));
	return {step, fraction};
};

export const phaseAt = (job: SimJob, now: number): Snapshot => {
	const done = completionTime(job);
	if (job.failure && job.failure.at <= now && job.failure.at < done) {
		const at = locate(job, job.failure.at);
		return {
			phase: 'Failed', at: job.failure.at, step: at?.step, fraction: at?.fraction ?? 0,
		};
	}

	const at = locate(job, now);
	return at ? {phase: at.step.phase, ...at} : {phase: 'Completed', at: done};
};

/** When the job reached Completed or Failed, if it has. */
export const finishedAt = (job: SimJob, now: number): number | undefined => {
	const snapshot = phaseAt(job, now);
	return snapshot.phase === 'Completed' || snapshot.phase === 'Failed' ? snapshot.at : undefined;
};

/** Milvus GC: a finished job disappears `dataCoord.import.taskRetention` after it finished (3 h by default). */
export const isExpired = (job: SimJob, now: number, retentionMs: number): boolean => {
	const at = finishedAt(job, now);
	return at !== undefined && now - at >= retentionMs;
};

/** Moves a whole plan in time: seeding picks the moment a job should be at and shifts it there. */
export const shiftJob = (job: SimJob, delta: number): SimJob => ({
	...job,
	createdAt: job.createdAt + delta,
	steps: job.steps.map(step => ({...step, start: step.start + delta, end: step.end + delta})),
	failure: job.failure && {...job.failure, at: job.failure.at + delta},
});
