import {useEffect, useRef, useState} from 'react';
import {compileFilter} from '../model/select/filter.js';
import type {Job} from '../model/jobs/job.js';
import {sameScope} from '../model/store/reduce-poll.js';
import type {AppState} from '../model/store/state.js';
import type {JobFilter} from '../model/jobs/types.js';
import {
	startWait, stepWait, waitExitCode, waitGivesUp, waitVerdict, type WaitState,
} from '../model/jobs/wait.js';
import {failureExitCode} from '../modes/fetch-jobs.js';
import {unavailableReport, verdictReport, type ReportLine} from '../modes/wait-report.js';

export type WaitOptions = {
	/** Empty: every job matching `filter` that is unfinished at the first poll, and matching jobs that appear later. */
	readonly jobIds: readonly string[];
	/** The filters the app started with (the user may change the live filter while waiting). */
	readonly filter: JobFilter;
	/** `--collection`: with several, the screen lists every collection, so the wait keeps to these (empty: all). */
	readonly collections?: readonly string[];
	/** `--retries`: failed polls in a row before giving up (exit 3); also how many polls a watched job may be missing. */
	readonly retries: number;
	/** The server as the closing lines name it (never with credentials). */
	readonly uri: string;
};

export type WaitExit = (code: number, report: readonly ReportLine[]) => void;

/** How far the wait is, for the header: undefined before the first good poll. */
export type WaitProgress = {readonly done: number; readonly total: number};

const matcher = (wait: WaitOptions): (job: Job) => boolean => {
	const matches = compileFilter(wait.filter);
	const collections = wait.collections !== undefined && wait.collections.length > 0 ? new Set(wait.collections) : undefined;
	return job => (collections === undefined || collections.has(job.collectionName)) && matches(job);
};

/**
`--wait` on a TTY, by the same rules as the script mode (modes/run-wait.ts): every good poll is folded
into the pure verdict of model/wait.ts; refused credentials, or more than `retries` failed polls in a
row, end it with exit 3. The closing lines go to `onExit`, to be printed once the screen is gone.
Only polls of the scope the wait started in count: a look at another collection must not make the
watched jobs "missing".
*/
export const useWait = (state: AppState, wait: WaitOptions | undefined, onExit: WaitExit): WaitProgress | undefined => {
	const [progress, setProgress] = useState<WaitProgress | undefined>(undefined);
	const waitRef = useRef<WaitState | undefined>(undefined);
	const doneRef = useRef(false);
	const startScope = useRef(state.scope);
	const {lastOkAt, lastError, consecutiveFailures} = state.poll;
	useEffect(() => {
		if (wait === undefined || lastOkAt === undefined || doneRef.current || !sameScope(state.scope, startScope.current)) {
			return;
		}

		const listed = [...state.jobs.values()].filter(job => job.gone === undefined);
		waitRef.current = stepWait(waitRef.current ?? startWait(wait.jobIds), listed, matcher(wait));
		const verdict = waitVerdict(waitRef.current, wait.retries);
		if (verdict.kind === 'waiting') {
			setProgress(previous => previous?.done === verdict.done && previous.total === verdict.total ? previous : {done: verdict.done, total: verdict.total});
		} else {
			doneRef.current = true;
			onExit(waitExitCode(verdict), verdictReport(verdict, waitRef.current.polls, wait.uri));
		}
		// One step per good poll: lastOkAt is the poll's identity.
	}, [lastOkAt]); // eslint-disable-line react-hooks/exhaustive-deps

	useEffect(() => {
		if (wait === undefined || lastError === undefined || consecutiveFailures === 0 || doneRef.current || !sameScope(state.scope, startScope.current)) {
			return;
		}

		if (waitGivesUp(lastError.error, consecutiveFailures, wait.retries)) {
			doneRef.current = true;
			onExit(failureExitCode(lastError.error), unavailableReport(lastError.error, wait.uri, consecutiveFailures));
		}
		// One check per failed poll.
	}, [lastError, consecutiveFailures]); // eslint-disable-line react-hooks/exhaustive-deps
	return progress;
};
