import type {ApiError, Result} from '../api/types.js';
import {describeError} from '../api/errors.js';
import type {Job} from '../model/jobs/job.js';
import type {ModeContext} from './context.js';

/**
One poll: the whole list, or one list per `--collection` (Milvus filters by collection only one at
a time; without one it returns every database's jobs, milvus-io/milvus#31273).
*/
export const fetchJobs = async (context: Pick<ModeContext, 'client' | 'config' | 'signal'>): Promise<Result<readonly Job[]>> => {
	const {client, config, signal} = context;
	if (config.collections.length === 0) {
		return client.listImportJobs({signal});
	}

	const jobs = new Map<string, Job>();
	for (const collectionName of config.collections) {
		// eslint-disable-next-line no-await-in-loop -- one at a time is kinder to the server
		const result = await client.listImportJobs({collectionName, signal});
		if (!result.ok) {
			return result;
		}

		for (const job of result.value) {
			jobs.set(job.jobId, job);
		}
	}

	return {ok: true, value: [...jobs.values()]};
};

/** Retrying cannot fix refused credentials, and a cancelled request was cancelled on purpose. */
export const isFatal = (error: ApiError): boolean => error.kind === 'unauthorized' || error.kind === 'forbidden' || error.kind === 'aborted';

/** Backoff for the one-shot modes: 0.5 s, 1 s, 2 s, … capped at the poll interval. */
export const retryDelayMs = (failures: number, intervalMs: number): number => Math.min(intervalMs, 500 * (2 ** Math.max(0, failures - 1)));

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
		await context.sleep(retryDelayMs(attempts, context.config.intervalMs), context.signal);
	}
};

/** The one line shown when the server cannot be used: what was tried, what went wrong, what to do. */
export const failureLine = (error: ApiError, uri: string, attempts: number): string => {
	const described = describeError(error);
	const where = described.includes(uri) ? '' : ` (server ${uri})`;
	const tries = attempts > 1 ? `; gave up after ${attempts} attempts` : '';
	return `${described}${where}${tries}`;
};
