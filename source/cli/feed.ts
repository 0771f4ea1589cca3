import {homedir} from 'node:os';
import type {Connection, RunRequest} from '../config/types.js';
import {openPollFeed, type PollFeed} from '../journal/feed.js';
import type {JournalScope} from '../journal/observer.js';
import {journalDir} from '../journal/paths.js';
import {notifyTarget} from '../notify/osc.js';
import {programPrefix} from '../modes/context.js';
import type {Connected} from './connect.js';
import {collectNow} from './young-generation.js';

/** Journal records read at start from which their garbage is collected before the first poll (young-generation.ts `collectNow`): ~3.5 MB of journal. */
const largeJournalRecords = 10_000;

/** The feed, once a start that read a large journal has had its garbage collected (before its history rows join the model). */
export const collectedAfterRead = async (opening: Promise<PollFeed>): Promise<PollFeed> => {
	const feed = await opening;
	if (feed.journal.readRecords >= largeJournalRecords) {
		collectNow();
	}

	return feed;
};

/** The journal's name for the server: its URI (credentials were taken out when it was parsed), or the Zilliz Cloud cluster. */
export const clusterOf = (connection: Connection, uri: string): string =>
	connection.kind === 'cloud'
		? `zilliz-cloud:${'clusterId' in connection.target ? connection.target.clusterId : `${connection.target.projectId}@${connection.target.regionId}`}`
		: uri;

/** The journal's scope of a script mode's polls; `context`: the config file's context the run watches (issue #13), if any. */
export const scopeOf = (cluster: string, dbName: string | undefined, collections: readonly string[], context?: string): JournalScope => ({
	cluster, db: dbName ?? '', context: context ?? '', collections,
});

export const terminalWriter = (): ((text: string) => void) | undefined => {
	if (process.stdout.isTTY) {
		return text => {
			process.stdout.write(text);
		};
	}

	// A script's stdout may be a pipe into jq: the notification goes to the terminal stderr still is.
	return process.stderr.isTTY
		? text => {
			process.stderr.write(text);
		}
		: undefined;
};

/** The poll feed of a polling mode: journal, --notify, --on-event. Problems are one stderr line each (the live screen passes its own report). */
export const openFeed = async (
	request: RunRequest,
	connected: Connected,
	options: {readonly watchedIds?: readonly string[]; readonly report?: (message: string) => void} = {},
): Promise<PollFeed> => collectedAfterRead(openPollFeed({
	watchers: request.watchers,
	dir: journalDir(process.env, homedir()),
	cluster: clusterOf(request.connection, connected.config.uri),
	stallAfterMs: connected.config.stallAfterMs,
	env: process.env,
	now: () => Date.now(),
	report: options.report ?? (message => {
		process.stderr.write(`${programPrefix}${message}\n`);
	}),
	terminal: terminalWriter(),
	notifyTarget: notifyTarget(process.env),
	watchedIds: options.watchedIds,
}));
