import type {Job} from '../model/jobs/job.js';
import type {ApiError} from '../model/jobs/result.js';
import type {ContextCounts, HubServer, LoopScope} from './contexts-lists.js';

/** What the hub (contexts-hub.ts) keeps of each context, and says of it. */

export type HubStatus = {
	readonly name: string;
	readonly uri: string;
	/** The last poll's error; undefined when it was good. */
	readonly error: ApiError | undefined;
	readonly failures: number;
	readonly lastOkAt: number | undefined;
	/** Epoch ms when the next try is due. */
	readonly nextAt: number | undefined;
	/** Counted from its last good list (undefined before one): the context picker's numbers. */
	readonly counts: ContextCounts | undefined;
	/** What its poller watches now: the screen's database and collection when this context is the one shown, else its own. */
	readonly scope: LoopScope;
};

/** The screen's scope: `context` undefined is every context (each at its own database and collections). */
export type HubScope = LoopScope & {readonly context: string | undefined};

/** One context's polling: its own timer, backoff and abort, so a down or slow cluster delays nobody else. */
export type Loop = {
	status: Omit<HubStatus, 'counts'>;
	jobs: readonly Job[];
	struggles: number;
	counted: {readonly jobs: readonly Job[]; readonly counts: ContextCounts} | undefined;
	/** `r` asked for a poll of this context that has not answered yet: the screen's answer waits for it (within the grace). */
	fresh: boolean;
	/** Polls now; when a request is in flight, once more right after it. */
	pollNow: () => void;
	stop: () => void;
};

/**
How long the screen's first answer after a (re)start waits for the slower contexts. Without it the first
answer held only the fastest context, and the others' jobs came a poll later as news: "appeared" events for
each, and their old failures counted as new (a --bell for each).
*/
export const firstAnswerGraceMs = 2000;

export const waitingStatus = (server: HubServer): HubStatus => ({
	name: server.name, uri: server.uri, error: undefined, failures: 0, lastOkAt: undefined, nextAt: undefined, counts: undefined, scope: {dbName: undefined, collectionName: undefined},
});

export const sameLoopScope = (a: LoopScope, b: LoopScope): boolean => a.dbName === b.dbName && a.collectionName === b.collectionName;

