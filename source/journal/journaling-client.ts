import type {ImportClient} from '../api/types.js';
import type {PollFeed} from './feed.js';

export type JournalingOptions = {
	readonly cluster: string;
	/** --db: the database a list without its own dbName reads. */
	readonly dbName: string | undefined;
	/** --collection: what a list without its own collection covers. */
	readonly collections: readonly string[];
	readonly now: () => number;
	/** The config file's context the run watches (issue #13); undefined: none. */
	readonly context?: string;
};

/**
The live screen's feed: every good list answer goes to the journal, with the scope it was asked
for (the screen can switch database and collection). A wrapper of the client, so the poll loop and
the model stay as they are; the screen's own first-poll rule (no events) does not apply to the
journal, which compares with what it knew before the restart.
*/
export const journalingClient = (client: ImportClient, feed: Promise<PollFeed>, options: JournalingOptions): ImportClient => ({
	...client,
	async listImportJobs(list = {}) {
		const result = await client.listImportJobs(list);
		if (result.ok) {
			const at = options.now();
			const scope = {
				cluster: options.cluster,
				db: list.dbName ?? options.dbName ?? '',
				context: options.context ?? '',
				collections: list.collectionName === undefined ? options.collections : [list.collectionName],
			};
			// Not awaited: the screen never waits for the journal (read at start, in parallel with the first list); answers keep their order.
			feed.then(ready => {
				ready.onPoll(scope, result.value, at);
			}, () => undefined);
		}

		return result;
	},
});
