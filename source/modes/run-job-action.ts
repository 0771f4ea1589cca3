import type {JobAction, JobActions} from '../api/job-actions.js';
import {describeOutcome} from '../api/action-text.js';
import {programPrefix} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';

export type JobActionContext = {
	readonly actions: JobActions;
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	/** Aborted on Ctrl-C. */
	readonly signal: AbortSignal;
};

/**
`commit JOBID…` / `abort JOBID…`: one request per id, in order, one line each (accepted on stdout,
refused on stderr). A refusal is about that job, so the others still go; anything that is about the
server (unreachable, credentials, no such route, timeout) stops at once: the next id would meet the same.
Exit: 0 all accepted, 1 Milvus refused at least one, 3 the server could not be used, 130 interrupted.
*/
export const runJobAction = async (action: JobAction, jobIds: readonly string[], context: JobActionContext): Promise<ExitCode> => {
	let refused = false;
	for (const jobId of jobIds) {
		// eslint-disable-next-line no-await-in-loop -- one at a time, in the order given: a script reads the lines in that order
		const outcome = await context.actions.send(action, {jobId, signal: context.signal});
		const line = describeOutcome(action, jobId, outcome);
		switch (outcome.kind) {
			case 'accepted': {
				context.out(`${line}\n`);
				break;
			}

			case 'refused': {
				refused = true;
				context.err(`${programPrefix}${line}\n`);
				break;
			}

			case 'no-route': {
				context.err(`${programPrefix}${line}\n`);
				return exitCodes.unavailable;
			}

			case 'failed': {
				if (outcome.error.kind === 'aborted') {
					return exitCodes.interrupted;
				}

				context.err(`${programPrefix}${line}\n`);
				return exitCodes.unavailable;
			}
		}
	}

	return refused ? exitCodes.jobFailed : exitCodes.ok;
};
