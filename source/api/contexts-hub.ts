import type {Job} from '../model/jobs/job.js';
import {
	countJobs, jobKeyer, mergeLists, newsBoard, prefixedLists, type ContextCounts, type ContextWhere, type HubServer, type LoopScope,
} from './contexts-lists.js';
import {
	firstAnswerGraceMs, sameLoopScope, waitingStatus, type HubScope, type HubStatus, type Loop,
} from './contexts-status.js';
import {startContextLoop} from './contexts-loop.js';
import type {
	ImportClient, ListOptions, RequestOptions, Result, ServerVersion,
} from './types.js';

export {
	hubJobId, jobKeyer, type ContextCounts, type HubServer,
} from './contexts-lists.js';
export {firstAnswerGraceMs, type HubStatus} from './contexts-status.js';

export type ContextsHub = {
	/** For the screen: `listImportJobs` hands out the shown contexts' latest jobs (tagged, ids `context/id`) as soon as one has news. */
	readonly client: ImportClient;
	readonly statuses: () => readonly HubStatus[];
	/** The contexts' names, in the file's order. */
	readonly names: readonly string[];
	/** Each context's own database and collections, in the file's order: what the header says is watched. */
	readonly wheres: readonly ContextWhere[];
	/** Bumped when a context turns good or bad (useSyncExternalStore: the screen redraws its marks then, even if no job changed). */
	readonly version: () => number;
	readonly subscribe: (listener: () => void) => () => void;
	/**
	`r`: every shown context is polled at once (one in flight is asked again right after). The screen's next
	answer waits until each of them has answered, or the grace is over: a down or hanging context delays the
	others by that much at most, and its answer comes with the next news. The answer the screen already has is
	not news: nothing is handed out again before a context answers.
	*/
	readonly refresh: () => void;
	/**
	The version family of one context's own server (two read-only probes, api/client.ts): each context's rows
	read their progress with their own server's weights. Undefined when its client cannot tell (Zilliz Cloud).
	*/
	readonly detectVersion: (name: string, options?: RequestOptions) => Promise<ServerVersion | undefined>;
	/** The context a row (`context/id`) belongs to, and the server's own id. */
	readonly contextOf: (jobId: string) => {readonly name: string; readonly id: string} | undefined;
	readonly close: () => void;
};

/**
Polls every context on its own and merges the shown ones' answers for the live screen. The screen's poll
asks the hub, which answers at once when a shown context has news since the last ask, else with the next
news; a context whose poll fails keeps its last good jobs (the header marks it stale) until it recovers.
The screen's scope says which context is shown (all, or one) and, for that one, the database and
collection: a scope change restarts only the pollers whose own scope changed. Contexts not shown keep
polling, so the context picker's counts stay live.
*/
/** What the server lists, narrowed to the context's `collections:` when the config file gives some. */
const ownCollections = (server: HubServer, listed: Result<readonly string[]>): Result<readonly string[]> =>
	listed.ok && server.collections.length > 0 ? {ok: true, value: listed.value.filter(name => server.collections.includes(name))} : listed;

export const createContextsHub = (servers: readonly HubServer[], now: () => number, graceMs = firstAnswerGraceMs): ContextsHub => {
	let scope: HubScope | undefined;
	let holdUntil = 0;
	let graceTimer: NodeJS.Timeout | undefined;
	const loops = new Map<string, Loop>();
	const keyers = new Map(servers.map(server => [server.name, jobKeyer(server.name)]));
	const news = newsBoard();
	let version = 0;
	let closed = false;
	const listeners = new Set<() => void>();
	const shown = (name: string): boolean => scope?.context === undefined || scope.context === name;
	const answered = (loop: Loop): boolean => !loop.fresh && (loop.status.lastOkAt !== undefined || loop.status.error !== undefined);
	const answeredAll = (): boolean => [...loops.values()].every(loop => !shown(loop.status.name) || answered(loop));
	/** After the grace: the news of whichever shown contexts answered by then, if any did. */
	const holdFor = (ms: number): void => {
		holdUntil = now() + ms;
		clearTimeout(graceTimer);
		graceTimer = setTimeout(() => {
			if ([...loops.values()].some(loop => shown(loop.status.name) && answered(loop))) {
				news.post();
			}
		}, ms);
	};

	// News for the screen; right after a (re)start only once every shown context has answered, or the grace is over.
	const postIfReady = (): void => {
		if (answeredAll() || now() >= holdUntil) {
			news.post();
		}
	};

	const bump = (): void => {
		version++;
		for (const listener of listeners) {
			listener();
		}
	};

	const startLoop = (server: HubServer, loopScope: LoopScope): Loop => startContextLoop(server, loopScope, {
		keyJobs: keyers.get(server.name)!,
		now,
		answered() {
			if (shown(server.name)) {
				postIfReady();
			}
		},
		turned: bump,
	});

	const ensureScope = (wanted: HubScope): void => {
		if (closed || (scope !== undefined && scope.context === wanted.context && sameLoopScope(scope, wanted))) {
			return;
		}

		scope = wanted;
		let kept = false;
		let restarted = false;
		for (const server of servers) {
			// The database and collection are the shown context's (every context's when all are shown).
			const own: LoopScope = shown(server.name) ? wanted : {dbName: undefined, collectionName: undefined};
			const loop = loops.get(server.name);
			if (loop !== undefined && sameLoopScope(loop.status.scope, own)) {
				kept ||= shown(server.name) && (loop.status.lastOkAt !== undefined || loop.status.error !== undefined);
				continue;
			}

			loop?.stop();
			loops.set(server.name, startLoop(server, own));
			restarted = true;
		}

		if (restarted) {
			holdFor(graceMs);
		}

		// A shown context that kept its poller has an answer for the new scope already: the screen gets it at once
		// (unless a restarted one has not answered yet: then within the grace, as at start).
		news.set(kept && answeredAll());
	};

	const answer = (): Result<readonly Job[]> => {
		news.set(false);
		const visible = [...loops.values()].filter(loop => shown(loop.status.name));
		const failed = visible.filter(loop => loop.status.error !== undefined && loop.status.lastOkAt === undefined);
		if (failed.length === visible.length && failed[0] !== undefined) {
			return {ok: false, error: failed[0].status.error!};
		}

		// `concat` copies whole arrays; `flatMap` went job by job (0.7 ms of a 10,000-job poll, bench/contexts.ts).
		return {ok: true, value: visible.length === 1 ? visible[0]!.jobs : mergeLists(visible.map(loop => loop.jobs))};
	};

	const byContext = (jobId: string): {readonly server: HubServer; readonly id: string} | undefined => {
		const server = servers.find(one => jobId.startsWith(`${one.name}/`));
		return server === undefined ? undefined : {server, id: jobId.slice(server.name.length + 1)};
	};

	const serverNamed = (name: string | undefined): HubServer | undefined => servers.find(server => server.name === name);

	const countsOf = (loop: Loop): ContextCounts | undefined => {
		if (loop.status.lastOkAt === undefined) {
			return undefined;
		}

		if (loop.counted?.jobs !== loop.jobs) {
			loop.counted = {jobs: loop.jobs, counts: countJobs(loop.jobs)};
		}

		return loop.counted.counts;
	};

	return {
		client: {
			async listImportJobs(options?: ListOptions) {
				ensureScope({dbName: options?.dbName, collectionName: options?.collectionName, context: serverNamed(options?.context)?.name});
				if (!news.unseen() && !await news.next(options?.signal)) {
					return {ok: false, error: {kind: 'aborted'}};
				}

				return answer();
			},
			async describeImportJob(jobId, options) {
				const found = byContext(jobId);
				if (found === undefined) {
					return {ok: false, error: {kind: 'unknown-context', jobId}};
				}

				// The row's own database: the one its context's poller watches.
				const dbName = loops.get(found.server.name)?.status.scope.dbName ?? options?.dbName;
				const result = await found.server.client.describeImportJob(found.id, {...options, dbName});
				return result.ok ? {ok: true, value: {...result.value, jobId, context: found.server.name}} : result;
			},
			// Each context's server says for its own rows (Milvus < 2.4.13 has none); no job, or one of no context: nobody can say.
			hasDescribe(jobId) {
				return jobId === undefined ? undefined : byContext(jobId)?.server.client.hasDescribe?.();
			},
			// One context: its own names; all: `context/name` (model/select/picker.ts reads them so). A context
			// with `collections:` in the config file offers those alone: it watches no other.
			async listCollections(dbName, options) {
				const one = serverNamed(options?.context);
				return one === undefined
					? prefixedLists(servers, async server => ownCollections(server, await server.client.listCollections(undefined, options)))
					: ownCollections(one, await one.client.listCollections(dbName, options));
			},
			async listDatabases(options) {
				const one = serverNamed(options?.context);
				return one === undefined
					? prefixedLists(servers, async server => server.client.listDatabases(options))
					: one.client.listDatabases(options);
			},
		},
		names: servers.map(server => server.name),
		wheres: servers.map(server => ({name: server.name, dbName: server.dbName, collections: server.collections})),
		statuses: () => servers.map(server => {
			const loop = loops.get(server.name);
			return loop === undefined ? waitingStatus(server) : {...loop.status, counts: countsOf(loop)};
		}),
		version: () => version,
		refresh() {
			if (closed) {
				return;
			}

			news.set(false);
			for (const loop of loops.values()) {
				if (shown(loop.status.name)) {
					loop.fresh = true;
					loop.pollNow();
				}
			}

			holdFor(graceMs);
		},
		async detectVersion(name, options) {
			return serverNamed(name)?.client.detectVersion?.(options);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		contextOf(jobId) {
			const found = byContext(jobId);
			return found === undefined ? undefined : {name: found.server.name, id: found.id};
		},
		close() {
			closed = true;
			clearTimeout(graceTimer);
			for (const loop of loops.values()) {
				loop.stop();
			}

			loops.clear();
		},
	};
};
