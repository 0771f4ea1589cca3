import {classifyFailure} from '../api/retry-policy.js';
import type {ApiError, ImportClient} from '../api/types.js';
import type {JobActions} from '../api/job-actions.js';
import type {Config} from '../config/config.js';
import type {Job} from '../model/jobs/job.js';
import {programPrefix, type ModeContext} from './context.js';
import {failureLine, fetchJobs, fetchWithRetries} from './fetch-jobs.js';

/** One context's server, as a script mode sees it; the live screen also takes its commit/abort (cli/connect.ts). */
export type ContextServer = {
	readonly name: string;
	readonly client: ImportClient;
	readonly config: Config;
	readonly actions?: JobActions;
	readonly actionsOff?: 'read-only' | 'unsupported';
};

/** The script modes over several contexts: `config` holds the view (filter, sort, interval); each context its server. */
export type ContextsModeContext = Omit<ModeContext, 'client'> & {readonly contexts: readonly ContextServer[]};

/** How one context's last poll went: `ok`, or the error with how many polls in a row failed. */
export type ContextStatus = {
	readonly name: string;
	readonly uri: string;
	readonly error: ApiError | undefined;
	readonly failures: number;
	/** Failures in a row of the struggling kind (api/retry-policy.ts): what the backoff reads. */
	readonly struggles: number;
	/** Epoch ms of the last good answer; undefined: none yet. */
	readonly lastOkAt: number | undefined;
};

export type ContextsPoll = {
	/** Every context's jobs (the last good list of a context whose poll failed), each tagged with its context. */
	readonly jobs: readonly Job[];
	readonly statuses: readonly ContextStatus[];
};

export const tagJobs = (jobs: readonly Job[], context: string): Job[] => jobs.map(job => ({...job, context}));

const serverContext = (context: ContextsModeContext, server: ContextServer): ModeContext => ({...context, client: server.client, config: server.config});

/** One word for a context's state, as the header and --json say it. */
export const statusWord = (status: ContextStatus): 'ok' | 'unreachable' | 'credentials refused' => {
	if (status.error === undefined) {
		return 'ok';
	}

	return status.error.kind === 'unauthorized' || status.error.kind === 'forbidden' ? 'credentials refused' : 'unreachable';
};

/** Each context on its own and at once, so a slow one costs its own timeout, not the sum. */
export const pollContexts = async (context: ContextsModeContext, previous: ContextsPoll | undefined, retrying: boolean): Promise<ContextsPoll> => {
	const results = await Promise.all(context.contexts.map(async (server, index) => {
		const one = serverContext(context, server);
		const fetched = retrying ? await fetchWithRetries(one) : {result: await fetchJobs(one)};
		const {result} = fetched;
		const before = previous?.statuses[index];
		const at = context.now();
		const status: ContextStatus = result.ok
			? {
				name: server.name, uri: server.config.uri, error: undefined, failures: 0, struggles: 0, lastOkAt: at,
			}
			: {
				name: server.name,
				uri: server.config.uri,
				error: result.error,
				failures: (before?.failures ?? 0) + 1,
				struggles: classifyFailure(result.error) === 'struggling' ? (before?.struggles ?? 0) + 1 : 0,
				lastOkAt: before?.lastOkAt,
			};
		const jobs = result.ok ? tagJobs(result.value, server.name) : (previous?.jobs.filter(job => job.context === server.name) ?? []);
		return {status, jobs};
	}));
	return {jobs: results.flatMap(result => result.jobs), statuses: results.map(result => result.status)};
};

/** One stderr line per context whose last poll failed, naming the context. */
export const reportFailures = (context: ContextsModeContext, poll: ContextsPoll): void => {
	for (const status of poll.statuses) {
		if (status.error !== undefined) {
			context.err(`${programPrefix}context ${status.name}: ${failureLine(status.error, status.uri, status.failures)}\n`);
		}
	}
};
