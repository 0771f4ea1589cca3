import type {ApiError, Result} from '../jobs/result.js';
import type {Job, JobDetail, JobFacts} from '../jobs/job.js';
import type {WeightProfile} from '../jobs/rates.js';
import type {HistoryEntry, JobEvent, SortSpec} from '../jobs/types.js';

/** What is being watched. A poll answer for another scope than the current one is ignored. */
export type Scope = {
	readonly dbName: string | undefined;
	readonly collectionName: string | undefined;
	/** Several contexts (issue #13): the one shown, whose database and collection these are; undefined: all of them, each at its own. */
	readonly context?: string;
};

/** Which part of the screen has the keyboard. The keymap routes keys by mode. */
export type Mode = 'list' | 'filter' | 'detail' | 'help' | 'events' | 'collections' | 'databases' | 'contexts' | 'confirm';

/** A commit or abort waiting for its `[y/N]`. */
export type PendingConfirm = {readonly action: 'commit' | 'abort'; readonly jobId: string; readonly collectionName: string};

/**
Every change to the one store is one of these. Time always arrives inside the action
(`at`, epoch ms): the reducer never reads the clock.
*/
export type Action
	= | {readonly type: 'poll-ok'; readonly at: number; readonly scope: Scope; readonly jobs: readonly Job[]}
		| {readonly type: 'poll-failed'; readonly at: number; readonly scope: Scope; readonly error: ApiError}
		| {readonly type: 'move'; readonly delta: number}
		| {readonly type: 'move-to'; readonly where: 'first' | 'last'}
		| {readonly type: 'select'; readonly jobId: string}
		| {readonly type: 'set-filter'; readonly text: string}
		| {readonly type: 'toggle-state'; readonly state: string}
		| {readonly type: 'set-states'; readonly states: readonly string[]}
		| {readonly type: 'sort-next'}
		| {readonly type: 'sort-reverse'}
		| {readonly type: 'set-sort'; readonly sort: SortSpec}
		| {readonly type: 'toggle-pause'; readonly at: number}
		| {readonly type: 'set-scope'; readonly scope: Scope}
		| {readonly type: 'set-interval'; readonly ms: number}
		| {readonly type: 'set-mode'; readonly mode: Mode}
		| {readonly type: 'picker-move'; readonly delta: number}
		| {readonly type: 'detail-loaded'; readonly at: number; readonly jobId: string; readonly result: Result<JobDetail>}
		// What the background fetcher learnt from describe (progress where the list has none, true times).
		| {readonly type: 'facts-loaded'; readonly scope: Scope; readonly facts: readonly JobFacts[]}
		| {readonly type: 'collections-loaded'; readonly dbName: string | undefined; readonly context?: string; readonly result: Result<readonly string[]>}
		| {readonly type: 'databases-loaded'; readonly context?: string; readonly result: Result<readonly string[]>}
		| {readonly type: 'set-notice'; readonly text: string | undefined}
		// The context picker's command line, as typed so far.
		| {readonly type: 'set-command'; readonly text: string}
		// The journal was read (issue #14): its jobs, and its recent events for the event log (oldest first). `at`: this run's start.
		| {readonly type: 'journal-loaded'; readonly at: number; readonly entries: readonly HistoryEntry[]; readonly events: readonly JobEvent[]}
		| {readonly type: 'toggle-history'}
		// `max`: the last offset, which only the view knows (it depends on the terminal's size).
		| {readonly type: 'scroll'; readonly pane: 'events' | 'help'; readonly to: number | 'first' | 'last'; readonly max: number}
		// Loads the collections' or the databases' list again (their pickers opened).
		| {readonly type: 'reload'; readonly list: 'collections' | 'databases'}
		| {readonly type: 'ask'; readonly confirm: PendingConfirm}
		| {readonly type: 'answered'}
		| {readonly type: 'job-actions-missing'}
		// The server's progress weights, once its version is known (hooks/use-server-weights.ts).
		// `context`: that context's server (several contexts); none: the one server's.
		| {readonly type: 'set-weights'; readonly weights: WeightProfile | undefined; readonly context?: string};
