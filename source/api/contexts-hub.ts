import type {Job} from '../model/jobs/job.js';
import type {ApiError} from '../model/jobs/result.js';
import {classifyFailure, retryDelay} from './retry-policy.js';
import type {ImportClient, ListOptions, Result} from './types.js';

/** One context's server for the hub. `collections`: the context's own --collection list (empty: all). */
export type HubServer = {
	readonly name: string;
	readonly uri: string;
	readonly client: ImportClient;
	readonly collections: readonly string[];
	readonly intervalMs: number;
};

export type HubStatus = {
	readonly name: string;
	readonly uri: string;
	/** The last poll's error; undefined when it was good. */
	readonly error: ApiError | undefined;
	readonly failures: number;
	readonly lastOkAt: number | undefined;
	/** Epoch ms when the next try is due. */
	readonly nextAt: number | undefined;
};

export type ContextsHub = {
	/** For the screen: `listImportJobs` hands out every context's latest jobs (tagged, ids `context/id`) as soon as one has news. */
	readonly client: ImportClient;
	readonly statuses: () => readonly HubStatus[];
	/** Bumped when a context turns good or bad (useSyncExternalStore: the screen redraws its marks then, even if no job changed). */
	readonly version: () => number;
	readonly subscribe: (listener: () => void) => () => void;
	readonly close: () => void;
};

type Scope = {readonly dbName: string | undefined; readonly collectionName: string | undefined};

/** The id the screen keys a row by: `context/jobId`, so the same job id on two clusters is two rows. */
export const hubJobId = (context: string, jobId: string): string => `${context}/${jobId}`;

/**
A context's jobs as the screen keys them, one keyer per context. The `context/id` strings are reused from
poll to poll: the tracked jobs are keyed by them, and a string seen before has its hash computed already,
so the reducer's lookups cost what they cost with one server (bench/contexts.ts). Only the last poll's ids
are kept.
*/
export const jobKeyer = (context: string): ((jobs: readonly Job[]) => Job[]) => {
	let ids = new Map<string, string>();
	return jobs => {
		const next = new Map<string, string>();
		const keyed = jobs.map((job): Job => {
			const id = ids.get(job.jobId) ?? hubJobId(context, job.jobId);
			next.set(job.jobId, id);
			// One literal, fields in one order: spread-made objects get shapes V8 reads far slower in the per-poll loops (model/jobs/tracked.ts).
			return {
				jobId: id,
				collectionName: job.collectionName,
				state: job.state,
				progress: job.progress,
				reason: job.reason,
				context,
			};
		});
		ids = next;
		return keyed;
	};
};

/** One context's polling: its own timer, backoff and abort, so a down or slow cluster delays nobody else. */
type Loop = {status: HubStatus; jobs: readonly Job[]; struggles: number; stop: () => void};

const listOf = async (server: HubServer, scope: Scope, signal: AbortSignal): Promise<Result<readonly Job[]>> => {
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
Polls every context on its own and merges their answers for the live screen. The screen's poll asks the
hub, which answers at once when some context has news since the last ask, else with the next news;
a context whose poll fails keeps its last good jobs (the header marks it stale) until it recovers.
The screen's scope (database, collection) applies to every context; changing it restarts every loop.
*/
export const createContextsHub = (servers: readonly HubServer[], now: () => number): ContextsHub => {
	let scope: Scope | undefined;
	let loops: Loop[] = [];
	let unseen = false;
	let waiters: Array<() => void> = [];
	let version = 0;
	const listeners = new Set<() => void>();
	const notify = (): void => {
		unseen = true;
		const ready = waiters;
		waiters = [];
		for (const wake of ready) {
			wake();
		}
	};

	const startLoop = (server: HubServer, loopScope: Scope): Loop => {
		const controller = new AbortController();
		const keyJobs = jobKeyer(server.name);
		let timer: NodeJS.Timeout | undefined;
		const loop: Loop = {
			status: {
				name: server.name, uri: server.uri, error: undefined, failures: 0, lastOkAt: undefined, nextAt: undefined,
			},
			jobs: [],
			struggles: 0,
			stop() {
				controller.abort();
				clearTimeout(timer);
			},
		};
		const poll = async (): Promise<void> => {
			const result = await listOf(server, loopScope, controller.signal);
			if (controller.signal.aborted) {
				return;
			}

			const failures = result.ok ? 0 : loop.status.failures + 1;
			const turned = loop.status.lastOkAt === undefined || (loop.status.error === undefined) !== result.ok;
			// As the single-server screen (hooks/use-poll.ts): back off only from a struggling server.
			loop.struggles = !result.ok && classifyFailure(result.error) === 'struggling' ? loop.struggles + 1 : 0;
			const delay = retryDelay(server.intervalMs, loop.struggles, result.ok ? undefined : result.error);
			loop.status = {
				...loop.status, error: result.ok ? undefined : result.error, failures, lastOkAt: result.ok ? now() : loop.status.lastOkAt, nextAt: now() + delay,
			};
			if (result.ok) {
				loop.jobs = keyJobs(result.value);
			}

			notify();
			if (turned) {
				version++;
				for (const listener of listeners) {
					listener();
				}
			}

			timer = setTimeout(() => {
				void poll();
			}, delay);
		};

		void poll();
		return loop;
	};

	const ensureScope = (wanted: Scope): void => {
		if (scope !== undefined && scope.dbName === wanted.dbName && scope.collectionName === wanted.collectionName) {
			return;
		}

		for (const loop of loops) {
			loop.stop();
		}

		scope = wanted;
		unseen = false;
		loops = servers.map(server => startLoop(server, wanted));
	};

	const answer = (): Result<readonly Job[]> => {
		unseen = false;
		const failed = loops.filter(loop => loop.status.error !== undefined && loop.status.lastOkAt === undefined);
		if (failed.length === loops.length && failed[0] !== undefined) {
			return {ok: false, error: failed[0].status.error!};
		}

		return {ok: true, value: loops.flatMap(loop => loop.jobs)};
	};

	const nextNews = async (signal: AbortSignal | undefined): Promise<boolean> => new Promise(resolve => {
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
	});

	const byContext = (jobId: string): {readonly server: HubServer; readonly id: string} | undefined => {
		const server = servers.find(one => jobId.startsWith(`${one.name}/`));
		return server === undefined ? undefined : {server, id: jobId.slice(server.name.length + 1)};
	};

	const merged = async (lists: ReadonlyArray<Promise<Result<readonly string[]>>>): Promise<Result<readonly string[]>> => {
		const results = await Promise.all(lists);
		const good = results.filter(result => result.ok);
		return good.length === 0 ? results[0]! : {ok: true, value: [...new Set(good.flatMap(result => result.value))].toSorted()};
	};

	return {
		client: {
			async listImportJobs(options?: ListOptions) {
				ensureScope({dbName: options?.dbName, collectionName: options?.collectionName});
				if (!unseen && !await nextNews(options?.signal)) {
					return {ok: false, error: {kind: 'aborted'}};
				}

				return answer();
			},
			async describeImportJob(jobId, options) {
				const found = byContext(jobId);
				if (found === undefined) {
					return {ok: false, error: {kind: 'bad-shape', detail: `no context for job ${jobId}`}};
				}

				const result = await found.server.client.describeImportJob(found.id, options);
				return result.ok ? {ok: true, value: {...result.value, jobId, context: found.server.name}} : result;
			},
			listCollections: async (dbName, options) => merged(servers.map(async server => server.client.listCollections(dbName, options))),
			listDatabases: async options => merged(servers.map(async server => server.client.listDatabases(options))),
		},
		statuses: () => loops.map(loop => loop.status),
		version: () => version,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		close() {
			for (const loop of loops) {
				loop.stop();
			}

			loops = [];
		},
	};
};
