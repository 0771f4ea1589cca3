import {useEffect, useRef} from 'react';
import {compileFilter} from '../model/filter.js';
import type {AppState} from '../model/state.js';
import type {JobFilter} from '../model/types.js';
import {
	startWait, stepWait, waitExitCode, waitVerdict, type WaitState,
} from '../model/wait.js';

export type WaitOptions = {
	/** Empty: every job matching `filter` that is unfinished at the first poll, and matching jobs that appear later. */
	readonly jobIds: readonly string[];
	/** The filters the app started with (the user may change the live filter while waiting). */
	readonly filter: JobFilter;
	/** Polls in a row a watched job may be missing before the wait gives up (exit 3). */
	readonly missingLimit?: number;
};

/**
`--wait` on a TTY: the live screen stays up, and every good poll is folded into the same pure verdict
the script mode uses (model/wait.ts); the app exits with its code once it is decided.
*/
export const useWait = (state: AppState, wait: WaitOptions | undefined, onExit: (code: number) => void): void => {
	const waitRef = useRef<WaitState | undefined>(undefined);
	const doneRef = useRef(false);
	const {lastOkAt} = state.poll;
	useEffect(() => {
		if (wait === undefined || lastOkAt === undefined || doneRef.current) {
			return;
		}

		const listed = [...state.jobs.values()].filter(job => job.gone === undefined);
		const matches = compileFilter(wait.filter);
		waitRef.current = stepWait(waitRef.current ?? startWait(wait.jobIds), listed, matches);
		const verdict = waitVerdict(waitRef.current, wait.missingLimit ?? 3);
		if (verdict.kind !== 'waiting') {
			doneRef.current = true;
			onExit(waitExitCode(verdict));
		}
		// One step per good poll: lastOkAt is the poll's identity.
	}, [lastOkAt]); // eslint-disable-line react-hooks/exhaustive-deps
};
