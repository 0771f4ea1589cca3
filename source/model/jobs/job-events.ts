import type {Job} from './job.js';
import type {JobEvent, JobEventKind, TrackedJob} from './types.js';

export const event = (at: number, kind: JobEventKind, job: Job, detail = ''): JobEvent =>
	({
		at, kind, jobId: job.jobId, collectionName: job.collectionName, detail,
	});

/** The events for a job whose state changed between two polls. */
export function transitionEvents(previous: TrackedJob, job: Job, at: number): JobEvent[] {
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

/** The event for a job first seen after the first poll: a job that failed (or finished) between two polls is still news. */
export function appeared(job: Job, at: number): JobEvent {
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
