import type {ApiError, Result} from '../api/types.js';
import {mergeDuplicates} from '../api/duplicates.js';
import {describeError} from '../api/errors.js';
import {classifyFailure, isUnknownScope, maxBackoffMs} from '../api/retry-policy.js';
import type {Job} from '../model/jobs/job.js';
import type {ModeContext} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';

/**
One poll: the whole list, or one list per `--collection` (Milvus filters by collection only one at
a time; without one it returns every database's jobs, milvus-io/milvus#31273).
*/
export const fetchJobs = async (context: Pick<ModeContext, 'client' | 'config' | 'signal'>): Promise<Result<readonly Job[]>> => {
	const {client, config, signal} = context;
	if (config.collections.length === 0) {
		return client.listImportJobs({signal});
	}

	const jobs: Job[] = [];
	for (const collectionName of config.collections) {
		// eslint-disable-next-line no-await-in-loop -- one at a time is kinder to the server
		const result = await client.listImportJobs({collectionName, signal});
		if (!result.ok) {
			return result;
		}

		for (const job of result.value) {
			jobs.push(job);
		}
	}

	return {ok: true, value: mergeDuplicates(jobs)};
};

/** Retrying cannot fix refused credentials or an unknown collection/database, and a cancelled request was cancelled on purpose. */
export const isFatal = (error: ApiError): boolean => error.kind === 'aborted' || classifyFailure(error) === 'hopeless';

/** The exit code of a poll that failed for good: 2 for a --collection/--db the server does not have (a user error), else 3. */
export const failureExitCode = (error: ApiError): ExitCode => isUnknownScope(error) ? exitCodes.usage : exitCodes.unavailable;

/**
Backoff for the one-shot modes: 0.5 s, 1 s, 2 s, … capped at the poll interval. A struggling server's
Retry-After (429, 503) wins when it asks for longer, up to the live screen's cap (30 s).
*/
export const retryDelayMs = (failures: number, intervalMs: number, error?: ApiError): number => {
	const backoff = Math.min(intervalMs, 500 * (2 ** Math.max(0, failures - 1)));
	const asked = error !== undefined && classifyFailure(error) === 'struggling' && 'retryAfterMs' in error ? (error.retryAfterMs ?? 0) : 0;
	return Math.max(backoff, Math.min(maxBackoffMs, asked));
};

export type Fetched = {readonly result: Result<readonly Job[]>; readonly attempts: number};

/** Up to 1 + retries attempts; stops early on success, a fatal error, or Ctrl-C. */
export const fetchWithRetries = async (context: ModeContext): Promise<Fetched> => {
	let attempts = 0;
	for (;;) {
		attempts++;
		// eslint-disable-next-line no-await-in-loop -- retries are sequential
		const result = await fetchJobs(context);
		if (result.ok || isFatal(result.error) || attempts > context.retries || context.signal.aborted) {
			return {result, attempts};
		}

		// eslint-disable-next-line no-await-in-loop
		await context.sleep(retryDelayMs(attempts, context.config.intervalMs, result.error), context.signal);
	}
};

/** The one line shown when the server cannot be used: what was tried, what went wrong, what to do. */
export const failureLine = (error: ApiError, uri: string, attempts: number): string => {
	const described = describeError(error);
	const where = described.includes(uri) ? '' : ` (server ${uri})`;
	const tries = attempts > 1 ? `; gave up after ${attempts} attempts` : '';
	return `${described}${where}${tries}`;
};
