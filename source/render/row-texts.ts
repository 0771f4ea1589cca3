import {changedInLastPoll, stalled} from '../model/select/select.js';
import {isHistoryRow} from '../model/select/history-rows.js';
import {eta, phaseHint, rate} from '../model/jobs/rates.js';
import type {AppState} from '../model/store/state.js';
import type {TrackedJob} from '../model/jobs/types.js';
import {shownJobId} from '../model/jobs/job-id.js';
import {weightsOf} from '../model/select/weights.js';
import {formatAge, formatBoundAge, formatEta} from './format.js';

/** What one row shows: computed from the model here, so the row component stays props-only. */
export type JobRowData = {
	/** The id as the server gave it (several contexts: without the `context/` the rows are keyed by). */
	readonly jobId: string;
	/** The config file's context, when several are watched; '' otherwise. */
	readonly context?: string;
	/** Its context's last poll failed: the row is the last good one (several contexts only). */
	readonly stale?: boolean;
	readonly collectionName: string;
	readonly state: string;
	/** As shown: a Failed job's is the last seen before it failed (undefined: no percentage at all). */
	readonly progress: number | undefined;
	/** The progress came from describe and is older than a poll (Zilliz Cloud's list has none): dimmed. */
	readonly progressStale?: boolean;
	/** Rate and ETA, or what the job is waiting for. */
	readonly hint: string;
	/** Time in the current state, formatted (formatAge): a text, so an unchanged row compares equal. */
	readonly inState: string;
	readonly reason: string;
	/** The state changed at the last poll: marked for a moment. */
	readonly changed: boolean;
	/** The job vanished from the list: `expired`, `lost`, or `from history` for the journal's rows (`h`: jobs expired or lost before this run; fits the 14-cell column). */
	readonly gone: string | undefined;
};

/** What a row's clock texts (time in state, "stalled for") are derived from. */
export type RowTimes = {
	readonly stateSince: number;
	/** False: `stateSince` is only a lower bound (the job was there at the first poll), shown `≥3m` (formatBoundAge). */
	readonly sinceExact: boolean;
	readonly lastChange: number;
	/** When the job counts as stalled; undefined when it cannot stall. */
	readonly stallAt: number | undefined;
	/** The hint while not stalled. */
	readonly hint: string;
};

/** A row as the table is given it: its texts, and the times to keep its clock texts current (none in tests of the bare table). */
export type LiveRowData = JobRowData & {readonly times?: RowTimes};

const goneText = (job: TrackedJob, state: AppState): string | undefined =>
	job.gone !== undefined && isHistoryRow(state, job) ? 'from history' : job.gone;

/**
Rate and ETA while the rows are being written; otherwise what the job is probably doing. Rate and ETA
are computed at the last good poll, not at the ticking clock: samples only change at polls, so the
numbers change when data arrives (and the row is not rewritten every second for a falling rate).
*/
const steadyHint = (job: TrackedJob, state: AppState): string => {
	if (job.gone !== undefined) {
		return goneText(job, state)!;
	}

	const at = state.poll.lastOkAt ?? 0;
	const weights = weightsOf(job, state);
	const perMinute = rate(job, at, weights);
	if (perMinute !== undefined) {
		const left = eta(job, at, weights);
		return `${perMinute.toFixed(1)}%/m${left === undefined ? '' : ' ' + formatEta(left)}`;
	}

	return phaseHint(job, weights) ?? '';
};

/** A Failed job shows the last progress seen before it failed (Milvus resets it to 0), else none. */
export const shownProgress = (job: TrackedJob): number | undefined => (job.state === 'Failed' ? job.lastRunProgress : job.progress);

/** Progress from describe (the list had none) older than one poll. */
export const isProgressStale = (job: TrackedJob, intervalMs: number, now: number): boolean =>
	job.progressAt !== undefined && job.state !== 'Failed' && now - job.progressAt > intervalMs;

/** What a job's clock texts are derived from. */
export const rowTimes = (job: TrackedJob, state: AppState): RowTimes => ({
	stateSince: job.stateSince,
	sinceExact: job.sinceExact,
	lastChange: job.lastChange,
	// `stalled` at the end of time says whether the job can stall at all (running, not gone, not waiting for a commit).
	stallAt: stalled(job, state, Number.POSITIVE_INFINITY) ? job.lastChange + state.stallAfterMs : undefined,
	hint: steadyHint(job, state),
});

/** Time in state, and the hint: "stalled 12m" once a running job has not moved for stallAfterMs. */
export const inStateText = (times: RowTimes, now: number): string => times.sinceExact ? formatAge(now - times.stateSince) : `≥${formatBoundAge(now - times.stateSince)}`;
export const hintText = (times: RowTimes, now: number): string =>
	times.stallAt !== undefined && now >= times.stallAt ? `stalled ${formatAge(now - times.lastChange)}` : times.hint;

/**
The view of one tracked job: the texts the row prints at `now`, computed for the visible rows only (the
row compares them to skip re-rendering), and the times the live row re-derives its clock texts from.
*/
export const toRow = (job: TrackedJob, state: AppState, now: number): LiveRowData => {
	const times = rowTimes(job, state);
	return {
		jobId: shownJobId(job),
		context: job.context ?? '',
		collectionName: job.collectionName,
		state: job.state,
		progress: shownProgress(job),
		progressStale: isProgressStale(job, state.intervalMs, now),
		hint: hintText(times, now),
		inState: inStateText(times, now),
		reason: job.reason,
		changed: changedInLastPoll(job, state),
		gone: goneText(job, state),
		times,
	};
};
