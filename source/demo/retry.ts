import {between, pick} from './rng.js';
import type {SimJob, TaskRetry} from './sim.js';

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
