import type {Job} from '../model/jobs/job.js';
import type {ImportClient, Result} from './types.js';

/** One context's server for the hub. `collections`: the context's own --collection list (empty: all). */
export type HubServer = {
	readonly name: string;
	readonly uri: string;
	readonly client: ImportClient;
	readonly collections: readonly string[];
	readonly intervalMs: number;
	/** The context's own database (`db:`); undefined: the server's default. What the header names (render/contexts-where.ts). */
	readonly dbName?: string;
};

/** A context's own place, from the config file: `db:` (undefined: the server's default) and `collections:` (empty: all). */
export type ContextWhere = {readonly name: string; readonly dbName: string | undefined; readonly collections: readonly string[]};

/** What one context's poller watches: its database and collection (undefined: the context's own `db:` / all of its collections). */
export type LoopScope = {readonly dbName: string | undefined; readonly collectionName: string | undefined};

/** One context's jobs in numbers, for the context picker (`:`): counted from its last good list. */
export type ContextCounts = {
	readonly total: number;
	readonly running: number;
	readonly completed: number;
	readonly failed: number;
	/** The mean of the list's progress over the jobs that are not Failed and have one (Completed counts 100); undefined: none. */
	readonly progress: number | undefined;
};

/** The id the screen keys a row by: `context/jobId`, so the same job id on two clusters is two rows. */
export const hubJobId = (context: string, jobId: string): string => `${context}/${jobId}`;

/**
A context's jobs as the screen keys them, one keyer per context. A job the server lists as it did last
poll (most of them: ~1 % move per poll) is handed out as the same object as then, so keying costs a map
lookup, not an allocation; and the `context/id` strings are reused, so the reducer's lookups of them find
their hash computed (bench/contexts.ts). The map is kept across polls and rebuilt from the last poll only
when it holds more than twice as many jobs as that poll listed: jobs the server forgot do not pile up.
*/
export const jobKeyer = (context: string): ((jobs: readonly Job[]) => Job[]) => {
	let seen = new Map<string, Job>();
	return jobs => {
		const keyed: Job[] = [];
		for (const job of jobs) {
			const before = seen.get(job.jobId);
			// `before?.state` is undefined for a new job, and a job's state never is.
			if (before?.state === job.state && before.progress === job.progress
				&& before.reason === job.reason && before.collectionName === job.collectionName) {
				keyed.push(before);
				continue;
			}

			// One literal, fields in one order: spread-made objects get shapes V8 reads far slower in the per-poll loops (model/jobs/tracked.ts).
			const fresh: Job = {
				jobId: before?.jobId ?? hubJobId(context, job.jobId),
				collectionName: job.collectionName,
				state: job.state,
				progress: job.progress,
				reason: job.reason,
				context,
			};
			seen.set(job.jobId, fresh);
			keyed.push(fresh);
		}

		if (seen.size > (2 * jobs.length) + 64) {
			seen = new Map(keyed.map((job, index) => [jobs[index]!.jobId, job]));
		}

		return keyed;
	};
};

/** The shown contexts' jobs as one list, in the contexts' order. */
// eslint-disable-next-line unicorn/prefer-spread -- concat of whole arrays is a copy of each; a spread or flat goes element by element
export const mergeLists = (lists: ReadonlyArray<readonly Job[]>): readonly Job[] => ([] as Job[]).concat(...lists);

/** One context's list: the scope's collection, else each of its --collection in turn, else all. */
export const listOf = async (server: HubServer, scope: LoopScope, signal: AbortSignal): Promise<Result<readonly Job[]>> => {
	if (scope.collectionName !== undefined || server.collections.length === 0) {
		return server.client.listImportJobs({...scope, signal});
	}

	const jobs: Job[] = [];
	for (const collectionName of server.collections) {
		// eslint-disable-next-line no-await-in-loop -- one at a time is kinder to the server
		const result = await server.client.listImportJobs({dbName: scope.dbName, collectionName, signal});
		if (!result.ok) {
			return result;
		}

		jobs.push(...result.value);
	}

	return {ok: true, value: jobs};
};

/**
Every context's collections (databases) for the picker of all contexts: `context/name`, the contexts in the
file's order, each one's names sorted. A context that cannot answer is left out; all failing: the first error.
*/
export const prefixedLists = async (servers: readonly HubServer[], ask: (server: HubServer) => Promise<Result<readonly string[]>>): Promise<Result<readonly string[]>> => {
	const results = await Promise.all(servers.map(async server => ask(server)));
	if (!results.some(result => result.ok)) {
		return results[0]!;
	}

	return {ok: true, value: results.flatMap((result, index) => result.ok ? [...result.value].toSorted().map(name => hubJobId(servers[index]!.name, name)) : [])};
};

export const countJobs = (jobs: readonly Job[]): ContextCounts => {
	let running = 0;
	let completed = 0;
	let failed = 0;
	let sum = 0;
	let known = 0;
	for (const job of jobs) {
		if (job.state === 'Failed') {
			failed++;
			continue;
		}

		if (job.state === 'Completed') {
			completed++;
		} else {
			running++;
		}

		const progress = job.state === 'Completed' ? 100 : job.progress;
		if (progress !== undefined) {
			sum += progress;
			known++;
		}
	}

	return {
		total: jobs.length, running, completed, failed, progress: known === 0 ? undefined : sum / known,
	};
};

/** "Some shown context has news the screen has not taken": the screen's poll waits on it (or takes it at once). */
export const newsBoard = () => {
	let unseen = false;
	let waiters: Array<() => void> = [];
	return {
		unseen: () => unseen,
		set(value: boolean) {
			unseen = value;
		},
		post() {
			unseen = true;
			const ready = waiters;
			waiters = [];
			for (const wake of ready) {
				wake();
			}
		},
		/** Resolves true at the next news, false when the signal aborts first. */
		next: async (signal: AbortSignal | undefined): Promise<boolean> => new Promise(resolve => {
			if (signal?.aborted === true) {
				resolve(false);
				return;
			}

			const wake = (): void => {
				signal?.removeEventListener('abort', onAbort);
				resolve(true);
			};

			const onAbort = (): void => {
				waiters = waiters.filter(waiter => waiter !== wake);
				resolve(false);
			};

			waiters.push(wake);
			signal?.addEventListener('abort', onAbort, {once: true});
		}),
	};
};
