import {isTerminal} from '../jobs/job.js';
import type {TrackedJob} from '../jobs/types.js';

/**
`progress`: refresh while the job runs; `times`: once, for the true start of its state. `context`: with
several contexts, whose server the job is on (the fetcher keeps each server's describe and failures apart).
*/
export type DetailWant = {readonly jobId: string; readonly need: 'progress' | 'times'; readonly context?: string};

/**
What the background fetcher should ask describe about, in the order given (the caller puts the rows
on screen first). Progress for unfinished jobs whose list record has none (or whose progress already
came from describe); the time for finished and Pending jobs whose start is not known yet. A running
job's start cannot be learnt (describe has no start time for a state), so it is not asked for.
*/
export const detailWants = (ordered: Iterable<TrackedJob>): DetailWant[] => {
	const wants: DetailWant[] = [];
	for (const job of ordered) {
		if (job.gone !== undefined) {
			continue;
		}

		if (!isTerminal(job.state) && (job.progress === undefined || job.progressAt !== undefined)) {
			wants.push({jobId: job.jobId, need: 'progress', context: job.context});
		} else if (!job.sinceExact && (isTerminal(job.state) || job.state === 'Pending')) {
			wants.push({jobId: job.jobId, need: 'times', context: job.context});
		}
	}

	return wants;
};

/**
The work for the jobs off screen, most wanted first: the other shown rows in order, then the jobs the
filter hides. It walks every job, so the live screen builds it once per poll, not once per key.
*/
export const farWants = (shown: readonly TrackedJob[], jobs: Iterable<TrackedJob>): DetailWant[] => {
	const seen = new Set<string>();
	const ordered: TrackedJob[] = [];
	for (const list of [shown, jobs]) {
		for (const job of list) {
			if (!seen.has(job.jobId)) {
				seen.add(job.jobId);
				ordered.push(job);
			}
		}
	}

	return detailWants(ordered);
};

/**
The whole work list: the rows on screen (`near`) first, then `far` (farWants) without them. With `far`
built from the same rows this equals detailWants(near, then every other shown and hidden job); built at
the last poll, only the order of the off-screen part may lag behind a filter typed since.
*/
export const withNear = (near: readonly TrackedJob[], far: readonly DetailWant[]): {readonly wants: DetailWant[]; readonly onScreen: number} => {
	const wants = detailWants(near);
	const onScreen = wants.length;
	const nearIds = new Set(near.map(job => job.jobId));
	for (const want of far) {
		if (!nearIds.has(want.jobId)) {
			wants.push(want);
		}
	}

	return {wants, onScreen};
};
