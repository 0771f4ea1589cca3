import type {Config} from '../config/config.js';
import type {Job} from '../model/jobs/job.js';
import {compileFilter} from '../model/select/filter.js';
import {sortJobs} from '../model/select/sort.js';
import type {TrackedJob} from '../model/jobs/types.js';
import {noSamples} from '../model/jobs/tracked.js';

/** The rows a script sees: the same --state/--filter/--sort semantics as the live screen, over one poll. */
export const selectJobs = (jobs: readonly Job[], config: Pick<Config, 'initialFilter' | 'initialStates' | 'initialSort'>, now: number): Job[] => {
	const matches = compileFilter({text: config.initialFilter, states: config.initialStates});
	// One poll has no history: every job is "first seen now", so rate/age sort fall back to job id.
	const tracked = jobs.filter(job => matches(job)).map((job): TrackedJob => ({
		...job, firstSeen: now, lastChange: now, stateSince: now, stateChangedAt: undefined, samples: noSamples, gone: undefined, progressAt: undefined, lastRunProgress: undefined, sinceExact: false,
	}));
	return sortJobs(tracked, config.initialSort, now).map(({jobId, collectionName, state, progress, reason, context}) => ({
		jobId, collectionName, state, progress, reason, ...(context === undefined ? {} : {context}),
	}));
};
