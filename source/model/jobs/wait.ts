import {classifyFailure} from '../../api/retry-policy.js';
import type {ApiError} from './result.js';
import {isTerminal, type Job} from './job.js';

/**
The `--wait` verdict, pure: the script mode (modes/wait.ts) and the live screen both feed it the
job lists they poll and ask what to do.

Which jobs are watched:
- `--job ID …`: exactly those ids.
- otherwise the jobs matching the filters that are unfinished at the first poll, plus matching jobs
  that appear later. Jobs already Completed/Failed at the first poll are history (Milvus keeps them
  ~3 h), not something to wait for: an old failure must not fail today's wait.
Once watched, a job is followed by id, so a `--state Importing` filter does not lose it when it completes.

A watched job the server does not list (an id never created, or one that vanished while unfinished)
is "missing"; after more than `missingLimit` polls in a row the verdict is `missing` (exit 3).
A job that vanishes after it finished was garbage-collected: its last state stands.
*/
export type WaitState = {
	readonly byId: boolean;
	readonly polls: number;
	/** Last seen version of each watched job; undefined until listed. Insertion order = display order. */
	readonly watched: ReadonlyMap<string, Job | undefined>;
	/** Consecutive polls in which each watched, unfinished job was absent. */
	readonly absent: ReadonlyMap<string, number>;
	/** Ids present (and finished) at the first poll in filter mode: never watched. */
	readonly history: ReadonlySet<string>;
};

export type WaitVerdict
	= | {readonly kind: 'waiting'; readonly done: number; readonly total: number}
		| {readonly kind: 'completed'; readonly jobs: readonly Job[]}
		| {readonly kind: 'failed'; readonly failed: readonly Job[]}
		| {readonly kind: 'missing'; readonly jobIds: readonly string[]}
		| {readonly kind: 'nothing'; readonly ignored: number};

export const startWait = (jobIds: readonly string[]): WaitState => ({
	byId: jobIds.length > 0,
	polls: 0,
	watched: new Map(jobIds.map(id => [id, undefined])),
	absent: new Map(),
	history: new Set(),
});

/** Fold one successful poll into the state. `matches` applies --collection/--state/--filter (filter mode only). */
export const stepWait = (state: WaitState, jobs: readonly Job[], matches: (job: Job) => boolean): WaitState => {
	const listed = new Map(jobs.map(job => [job.jobId, job]));
	const watched = new Map(state.watched);
	const history = new Set(state.history);
	if (!state.byId) {
		for (const job of jobs) {
			if (watched.has(job.jobId) || history.has(job.jobId) || !matches(job)) {
				continue;
			}

			if (state.polls === 0 && isTerminal(job.state)) {
				history.add(job.jobId);
			} else {
				watched.set(job.jobId, job);
			}
		}
	}

	const absent = new Map<string, number>();
	for (const [id, last] of watched) {
		const now = listed.get(id);
		if (now) {
			watched.set(id, now);
		} else if (last === undefined || !isTerminal(last.state)) {
			absent.set(id, (state.absent.get(id) ?? 0) + 1);
		}
	}

	return {
		byId: state.byId, polls: state.polls + 1, watched, absent, history,
	};
};

export const waitVerdict = (state: WaitState, missingLimit: number): WaitVerdict => {
	const seen = [...state.watched.values()].filter(job => job !== undefined);
	const failed = seen.filter(job => job.state === 'Failed');
	if (failed.length > 0) {
		return {kind: 'failed', failed};
	}

	const missing = [...state.absent].filter(([, polls]) => polls > missingLimit).map(([id]) => id);
	if (missing.length > 0) {
		return {kind: 'missing', jobIds: missing};
	}

	if (state.polls > 0 && state.watched.size === 0) {
		return {kind: 'nothing', ignored: state.history.size};
	}

	const done = seen.filter(job => job.state === 'Completed').length;
	return state.polls > 0 && done === state.watched.size ? {kind: 'completed', jobs: seen} : {kind: 'waiting', done, total: state.watched.size};
};

/** Watched jobs whose state or progress differs between two states: one progress line each. */
export const waitChanges = (before: WaitState, after: WaitState): readonly Job[] =>
	[...after.watched.values()].filter((job): job is Job => {
		if (job === undefined) {
			return false;
		}

		const previous = before.watched.get(job.jobId);
		return previous?.state !== job.state || previous.progress !== job.progress || previous.reason !== job.reason;
	});

/** The exit code a finished verdict maps to (README "Exit codes"). */
export const waitExitCode = (verdict: Exclude<WaitVerdict, {readonly kind: 'waiting'}>): 0 | 1 | 3 => {
	switch (verdict.kind) {
		case 'completed':
		case 'nothing': {
			return 0;
		}

		case 'failed': {
			return 1;
		}

		case 'missing': {
			return 3;
		}
	}
};

/**
Whether a failed poll ends the wait: at once when retrying cannot help (refused credentials, an unknown
collection or database: api/retry-policy.ts); any other failure once more than `retries` polls in a row have failed.
*/
export const waitGivesUp = (error: ApiError, consecutiveFailures: number, retries: number): boolean =>
	classifyFailure(error) === 'hopeless' || consecutiveFailures > retries;
