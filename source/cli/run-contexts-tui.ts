import {createContextsHub} from '../api/contexts-hub.js';
import type {ContextServer} from '../modes/contexts.js';

/**
The live screen over several contexts: the hub polls each on its own and hands the screen their merged jobs
(rows keyed `context/jobId`); the header's third line says each context's state. The view settings
(filter, sort, interval, colours) are the command line's, the same in every context.
*/
export const runContextsTui = async (servers: readonly ContextServer[], wait: {readonly jobIds: readonly string[]; readonly retries: number} | undefined): Promise<number> => {
	const first = servers[0]!.config;
	if (!first.color) {
		process.env['FORCE_COLOR'] = '0'; // As cli/run.ts: chalk reads it once, when Ink loads below.
	}

	const hub = createContextsHub(servers.map(server => ({
		name: server.name, uri: server.config.uri, client: server.client, collections: server.config.collections, intervalMs: server.config.intervalMs,
	})), () => Date.now());
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
			contexts: hub,
			wait,
		});
	} finally {
		hub.close();
	}
};
