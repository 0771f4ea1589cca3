import type {Job} from '../model/jobs/job.js';
import {programPrefix, type ModeContext} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureLine, fetchJobs, isFatal} from './fetch-jobs.js';

/**
The loop of the script modes that keep watching (`--json --watch`, `--wait`): polls never overlap;
each good answer goes to `onJobs`, which ends the loop by returning an exit code; a failed poll prints
one line on stderr and is retried at the next interval, until more than --retries fail in a row or the
error is one retrying cannot fix (refused credentials): exit 3. Ctrl-C ends it with 130.
*/
export const pollLoop = async (context: ModeContext, onJobs: (jobs: readonly Job[]) => ExitCode | undefined): Promise<ExitCode> => {
	let failures = 0;
	while (!context.signal.aborted) {
		// eslint-disable-next-line no-await-in-loop -- polls never overlap
		const result = await fetchJobs(context);
		if (context.signal.aborted) {
			break;
		}

		if (result.ok) {
			failures = 0;
			const code = onJobs(result.value);
			if (code !== undefined) {
				return code;
			}
		} else {
			failures++;
			context.err(`${programPrefix}${failureLine(result.error, context.config.uri, failures)}\n`);
			if (isFatal(result.error) || failures > context.retries) {
				return exitCodes.unavailable;
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await context.sleep(context.config.intervalMs, context.signal);
	}

	return exitCodes.interrupted;
};
