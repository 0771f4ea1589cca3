import {retryDelay, classifyFailure} from '../api/retry-policy.js';
import type {ApiError} from '../api/types.js';
import type {Job} from '../model/jobs/job.js';
import {programPrefix, type ModeContext} from './context.js';
import {createProgressFill} from './fill-progress.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {
	failureExitCode, failureLine, fetchJobs, isFatal,
} from './fetch-jobs.js';

/**
The loop of the script modes that keep watching (`--json --watch`, `--wait`): polls never overlap;
each good answer goes to `onJobs`, which ends the loop by returning an exit code; a failed poll prints
one line on stderr and is retried at the next interval (later while the server struggles: api/retry-policy.ts),
until more than --retries fail in a row (exit 3) or the error is one retrying cannot fix: refused credentials
(exit 3), an unknown collection or database (exit 2). Ctrl-C ends it with 130.
*/
export const pollLoop = async (context: ModeContext, onJobs: (jobs: readonly Job[]) => ExitCode | undefined): Promise<ExitCode> => {
	const progress = createProgressFill(context);
	try {
		return await loop(context, jobs => onJobs(progress.fill(jobs)));
	} finally {
		progress.stop();
	}
};

const loop = async (context: ModeContext, onJobs: (jobs: readonly Job[]) => ExitCode | undefined): Promise<ExitCode> => {
	let failures = 0;
	let struggles = 0;
	let lastError: ApiError | undefined;
	while (!context.signal.aborted) {
		// eslint-disable-next-line no-await-in-loop -- polls never overlap
		const result = await fetchJobs(context);
		if (context.signal.aborted) {
			break;
		}

		if (result.ok) {
			failures = 0;
			struggles = 0;
			lastError = undefined;
			context.onPoll?.(result.value, context.now());
			const code = onJobs(result.value);
			if (code !== undefined) {
				return code;
			}
		} else {
			failures++;
			struggles = classifyFailure(result.error) === 'struggling' ? struggles + 1 : 0;
			lastError = result.error;
			context.err(`${programPrefix}${failureLine(result.error, context.config.uri, failures)}\n`);
			if (isFatal(result.error) || failures > context.retries) {
				return failureExitCode(result.error);
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await context.sleep(retryDelay(context.config.intervalMs, struggles, lastError), context.signal);
	}

	return exitCodes.interrupted;
};
