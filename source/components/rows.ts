import {changedInLastPoll, stalled} from '../model/select.js';
import {eta, phaseHint, rate} from '../model/rates.js';
import type {AppState} from '../model/state.js';
import type {TrackedJob} from '../model/types.js';
import {formatAge, formatDuration} from './format.js';
import type {JobRowData} from './job-row.js';

/**
Rate and ETA while the rows are being written; otherwise what the job is probably doing. Rate and ETA
are computed at the last good poll, not at the ticking clock: samples only change at polls, so the
numbers change when data arrives (and the row is not rewritten every second for a falling rate).
*/
export const hintFor = (job: TrackedJob, state: AppState, now: number): string => {
	if (job.gone !== undefined) {
		return job.gone;
	}

	if (stalled(job, state, now)) {
		return `stalled ${formatAge(now - job.lastChange)}`;
	}

	const at = state.poll.lastOkAt ?? now;
	const perMinute = rate(job, at);
	if (perMinute !== undefined) {
		const left = eta(job, at);
		return `${perMinute.toFixed(1)}%/m${left === undefined ? '' : ' ' + formatDuration(left)}`;
	}

	return phaseHint(job) ?? '';
};

/** The view of one tracked job: the texts the row prints, computed for the visible rows only (the row compares them to skip re-rendering). */
export const toRow = (job: TrackedJob, state: AppState, now: number): JobRowData => ({
	jobId: job.jobId,
	collectionName: job.collectionName,
	state: job.state,
	progress: job.progress,
	hint: hintFor(job, state, now),
	inState: formatAge(now - job.stateSince),
	reason: job.reason,
	changed: changedInLastPoll(job, state),
	gone: job.gone,
});
