import {between, pick} from './rng.js';
import type {SimJob} from './sim.js';

/**
A file's import task that fails on a worker and is dispatched again: task state `Retry` (2.5+,
milvus-rest-import.md §2.2, §8.8). The worker reports a retriable error (a lost node, a busy one),
datacoord clears the rows that attempt wrote and sends the task out again, which starts from 0.
So a describe shows that file as `Retry` with 0 rows, then `Pending`/`InProgress` again; the job
stays `Importing`, its rows and progress dip meanwhile (progress is not monotonic, §4.2).
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

const reasons: ReadonlyArray<(node: number) => string> = [
	node => `node not found[node=${node}]`,
	node => `failed to query import task on datanode ${node}: service unavailable`,
];

/**
With probability `chance`, one file of the job (never the first: it is the slowest and ends the
rows stage) fails once mid-way and is retried. Its pace is raised so the retried attempt still ends
within the stage: fails at ≤ 0.32, resumes at ≤ 0.57, needs ≤ 0.4. Jobs planned to fail are left alone.
*/
export const planRetry = (job: SimJob, random: () => number, chance: number): SimJob => {
	if (job.failure !== undefined || job.files.length < 2 || random() >= chance) {
		return job;
	}

	const index = 1 + Math.floor(random() * (job.files.length - 1));
	const speed = between(random, 2.5, 4);
	const at = between(random, 0.3, 0.8) / speed;
	const retry: TaskRetry = {at, resumeAt: at + between(random, 0.1, 0.25), reason: pick(random, reasons)(1 + Math.floor(random() * 8))};
	return {...job, files: job.files.map((file, i) => (i === index ? {...file, speed, retry} : file))};
};

/** Where a file's task is at `fraction` of the rows stage: in its Retry window, or how far its current attempt has run. */
export const attemptAt = (retry: TaskRetry | undefined, fraction: number): {readonly retrying: true} | {readonly retrying: false; readonly run: number} => {
	if (retry === undefined || fraction < retry.at) {
		return {retrying: false, run: fraction};
	}

	return fraction < retry.resumeAt ? {retrying: true} : {retrying: false, run: fraction - retry.resumeAt};
};
