import {contextsActions} from '../api/contexts-actions.js';
import {createContextsHub} from '../api/contexts-hub.js';
import type {ContextRun, RunRequest} from '../config/types.js';
import {contextsSnapshot} from '../journal/contexts-snapshot.js';
import type {ContextServer} from '../modes/contexts.js';
import {programPrefix} from '../modes/context.js';
import {openContextsFeed} from './contexts-feed.js';

/**
The live screen over several contexts: the hub polls each on its own and hands the screen the shown ones'
jobs (rows keyed `context/jobId`); the header's third line says each context's state. The view settings
(filter, sort, interval, colours) are the command line's, the same in every context. One journal (and
--notify, --on-event) for all: each context's answers go to it with their context and cluster, so the same
job id on two clusters stays two jobs.
*/
export const runContextsTui = async (
	request: RunRequest,
	runs: readonly ContextRun[],
	servers: readonly ContextServer[],
	wait: {readonly jobIds: readonly string[]; readonly retries: number} | undefined,
): Promise<number> => {
	const first = servers[0]!.config;
	if (!first.color) {
		process.env['FORCE_COLOR'] = '0'; // As cli/run.ts: chalk reads it once, when Ink loads below.
	}

	const messages = new Set<string>();
	const {feed, clusters, servers: journaled} = openContextsFeed(request, runs, servers, {
		watchedIds: wait?.jobIds,
		report(message) {
			messages.add(message);
		},
	});
	const hub = createContextsHub(journaled.map(server => ({
		name: server.name, uri: server.config.uri, client: server.client, collections: server.config.collections, intervalMs: server.config.intervalMs, dbName: server.config.dbName,
	})), () => Date.now());
	const keys = contextsActions(servers.map(server => ({name: server.name, actions: server.actions, off: server.actionsOff})));
	const journalContexts = servers.map((server, index) => ({name: server.name, cluster: clusters[index]!, db: server.config.dbName ?? ''}));
	try {
		const {runTui} = await import('./tui.js');
		return await runTui({
			client: hub.client,
			// Each context's --collection list is the hub's; the screen's "all collections" means all of each context's.
			// No database either: each context's client lists its own `db:` until one is picked with `d`.
			config: {
				...first, collections: [], dbName: undefined, contextName: undefined,
			},
			serverLabel: `${servers.length} contexts`,
			actions: keys.actions,
			actionsOffFor: keys.offFor,
			contexts: hub,
			wait,
			journal: feed.then(ready => contextsSnapshot(ready.journal.known(), ready.journal.earlier, journalContexts)),
		});
	} finally {
		hub.close();
		const ready = await feed;
		await ready.close();
		for (const message of messages) {
			process.stderr.write(`${programPrefix}${message}\n`);
		}
	}
};
