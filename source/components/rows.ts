import {changedInLastPoll, stalled} from '../model/select.js';
import {eta, phaseHint, rate} from '../model/rates.js';
import type {AppState} from '../model/state.js';
import type {TrackedJob} from '../model/types.js';
import {formatDuration} from './format.js';
import type {JobRowData} from './job-row.js';

/** Rate and ETA while the rows are being written; otherwise what the job is probably doing. */
export const hintFor = (job: TrackedJob, state: AppState, now: number): string => {
	if (job.gone !== undefined) {
		return job.gone;
	}

	if (stalled(job, state, now)) {
		return `stalled ${formatDuration(now - job.lastChange)}`;
	}

	const perMinute = rate(job, now);
	if (perMinute !== undefined) {
		const left = eta(job, now);
		return `${perMinute.toFixed(1)}%/m${left === undefined ? '' : ' ' + formatDuration(left)}`;
	}

	return phaseHint(job) ?? '';
};

/** The view of one tracked job: what the row prints, computed for the visible rows only. */
export const toRow = (job: TrackedJob, state: AppState, now: number): JobRowData => ({
	jobId: job.jobId,
	collectionName: job.collectionName,
	state: job.state,
	progress: job.progress,
	hint: hintFor(job, state, now),
	inStateMs: now - job.stateSince,
	reason: job.reason,
	changed: changedInLastPoll(job, state),
	gone: job.gone,
});
