import {homedir} from 'node:os';
import type {ContextRun, RunRequest} from '../config/types.js';
import {openPollFeed, type PollFeed} from '../journal/feed.js';
import {journalingClient} from '../journal/journaling-client.js';
import {journalDir} from '../journal/paths.js';
import type {ContextServer} from '../modes/contexts.js';
import {notifyTarget} from '../notify/osc.js';
import {clusterOf, collectedAfterRead, terminalWriter} from './feed.js';

export type ContextsFeed = {
	readonly feed: Promise<PollFeed>;
	/** Each context's server with a client that hands every good list to the feed, with its context and cluster. */
	readonly servers: readonly ContextServer[];
	/** Each context's cluster, in order: the journal's name for it. */
	readonly clusters: readonly string[];
};

/**
One journal (and --notify, --on-event) for several contexts: each context's good answers go to it with
their context and cluster, so the same job id on two clusters stays two jobs (journal/observer.ts keys
records by cluster). `report`: where a problem is said (the live screen says them once it is gone).
*/
export const openContextsFeed = (
	request: RunRequest,
	runs: readonly ContextRun[],
	servers: readonly ContextServer[],
	options: {readonly watchedIds?: readonly string[]; readonly report: (message: string) => void},
): ContextsFeed => {
	const clusters = servers.map((server, index) => clusterOf(runs[index]!.connection, server.config.uri));
	const feed = collectedAfterRead(openPollFeed({
		watchers: request.watchers,
		dir: journalDir(process.env, homedir()),
		cluster: clusters,
		stallAfterMs: servers[0]!.config.stallAfterMs,
		env: process.env,
		now: () => Date.now(),
		report: options.report,
		terminal: terminalWriter(),
		notifyTarget: notifyTarget(process.env),
		watchedIds: options.watchedIds,
	}));
	return {
		feed,
		clusters,
		servers: servers.map((server, index) => ({
			...server,
			client: journalingClient(server.client, feed, {
				cluster: clusters[index]!, dbName: server.config.dbName, collections: server.config.collections, now: () => Date.now(), context: server.name,
			}),
		})),
	};
};
