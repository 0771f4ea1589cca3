import type {ApiError, Result} from '../jobs/result.js';
import type {JobDetail} from '../jobs/job.js';
import type {
	HistoryEntry, JobEvent, JobFilter, PollStatus, SortSpec, TrackedJob,
} from '../jobs/types.js';
import type {WeightProfile} from '../jobs/rates.js';
import {maxGoneKept} from '../jobs/history.js';
import type {Mode, PendingConfirm, Scope} from './actions.js';

/** A list the user picks from (collections, databases). */
export type Picker = {
	/** Undefined until the first answer arrives. */
	readonly items: readonly string[] | undefined;
	/** The last failure to load the list; the previous items stay. */
	readonly error: ApiError | undefined;
	/** Index into the picker's entries (see `pickerEntries` in select.ts: collections get an "all" entry first). */
	readonly highlighted: number;
};

/** The detail view of one job. */
export type DetailState = {
	readonly jobId: string;
	/** The last answer (undefined while the first request is in flight). */
	readonly result: Result<JobDetail> | undefined;
	/** When `result` arrived. */
	readonly at: number | undefined;
	/** The last good answer, kept on screen while a later request fails. */
	readonly lastGood: JobDetail | undefined;
};

/** What the journal brought to the screen: jobs the server may have forgotten, and when this run began. */
export type JournalState = {
	/** `h`: show the journal's jobs the server no longer lists, as "expired (from history)" rows. */
	readonly shown: boolean;
	readonly entries: readonly HistoryEntry[];
	/** Events before this time came from the journal (an earlier run): the event log marks them. */
	readonly earlierBefore: number | undefined;
};

/** What the screen alone keeps: it lives in the one store too, so the App holds no state of its own. */
export type ScreenState = {
	/** One line under the table after a key (`copied <id>`), cleared by the next key. */
	readonly notice: string | undefined;
	readonly eventsOffset: number;
	readonly helpOffset: number;
	/** Bumped to load the collections' (databases') list again. */
	readonly collectionsKey: number;
	readonly databasesKey: number;
	/** The context picker's command line (`ctx prod`, model/keys/context-command.ts); '' outside it. */
	readonly command: string;
};

export type AppState = {
	readonly scope: Scope;
	readonly mode: Mode;
	/** The mode before the current one, so Esc from an overlay (help, events) can go back where it came from. */
	readonly previousMode: Mode;
	readonly paused: boolean;
	/** When pause was switched on (undefined when running). */
	readonly pausedAt: number | undefined;
	/** Milliseconds between the end of one poll and the start of the next (floor 500). */
	readonly intervalMs: number;
	/** A running job with no change for this long counts as stalled. */
	readonly stallAfterMs: number;
	/** A job that vanished from the list stays visible (marked expired/lost) this long, then is dropped. */
	readonly goneKeepMs: number;
	/** And at most this many of them, the most recently gone (model/jobs/history.ts, maxGoneKept). */
	readonly goneKeepMax: number;
	/** Every job of the current scope, by id. A new Map whenever a job changed; unchanged jobs keep their identity. */
	readonly jobs: ReadonlyMap<string, TrackedJob>;
	/**
	The jobs of the scopes left behind (set-scope), by id: the first poll of a scope takes a job's times from
	here when it is still in the same state, so switching to a collection (database, context) and back keeps
	how long each job has been in its state, its rate and its stall clock instead of starting at `≥0s`.
	*/
	readonly carried: ReadonlyMap<string, TrackedJob>;
	readonly filter: JobFilter;
	readonly sort: SortSpec;
	/** Always a job of the visible list, or undefined when that list is empty. */
	readonly selectedJobId: string | undefined;
	/** Where the selection was in the visible list: when its job leaves the list, the job now at this place is selected. */
	readonly selectedIndex: number;
	readonly collections: Picker;
	/** Undefined where the server has no databases/list (Milvus 2.4 answers 404). */
	readonly databases: Picker | undefined;
	/** Several contexts: their names (the `:` picker, "all contexts" first); undefined with one server. */
	readonly contexts: Picker | undefined;
	readonly detail: DetailState | undefined;
	/** Oldest first, the last `maxEvents` only. Survives scope switches. */
	readonly events: readonly JobEvent[];
	/** Jobs seen turning Failed since start (jobs already failed at the first poll are not counted). */
	readonly failuresSeen: number;
	/**
	`poll.lastOkAt` is the time of the last good poll of this scope: it is the reducer's "now" (rate
	sorting, stall checks) and a job with `stateChangedAt === poll.lastOkAt` changed in that poll.
	*/
	readonly poll: PollStatus;
	readonly screen: ScreenState;
	/** The commit/abort waiting for its `[y/N]` (mode `confirm`). */
	readonly confirm: PendingConfirm | undefined;
	/** The server answered a commit/abort with 404 (Milvus < 3.0): the keys are gone for the session. */
	readonly jobActionsMissing: boolean;
	/**
	The progress weights of the server (model/jobs/rates.ts), once its version is known (ImportClient.detectVersion);
	undefined until then, or when it cannot be known: rows show no phase word, rate or ETA.
	*/
	readonly weights: WeightProfile | undefined;
	/** Several contexts: each context's weights, once its own server's version is known (none: not known yet, or never). */
	readonly contextWeights: ReadonlyMap<string, WeightProfile | undefined>;
	/** Jobs whose describe showed Import V3 (their own weights, whatever the server's): see model/select/weights.ts. */
	readonly v3Jobs: ReadonlySet<string>;
	readonly journal: JournalState;
};

export const maxEvents = 500;
export const minIntervalMs = 500;
export const maxIntervalMs = 3_600_000;
export const defaultGoneKeepMs = 5 * 60_000;

export type InitialStateOptions = {
	readonly scope: Scope;
	readonly intervalMs: number;
	readonly filter: JobFilter;
	readonly sort: SortSpec;
	readonly stallAfterMs: number;
	/** Default 5 minutes. */
	readonly goneKeepMs?: number;
	/** Default maxGoneKept (1,000). */
	readonly goneKeepMax?: number;
	/** Default undefined: not known until the server's version is. */
	readonly weights?: WeightProfile;
	/** Several contexts: their names, in the file's order. */
	readonly contexts?: readonly string[];
};

export const clampInterval = (ms: number): number =>
	Number.isFinite(ms) ? Math.min(maxIntervalMs, Math.max(minIntervalMs, Math.round(ms))) : minIntervalMs;

export const emptyPicker: Picker = {items: undefined, error: undefined, highlighted: 0};

export const initialScreen: ScreenState = {
	notice: undefined, eventsOffset: 0, helpOffset: 0, collectionsKey: 0, databasesKey: 0, command: '',
};

export const initialJournal: JournalState = {shown: false, entries: [], earlierBefore: undefined};

export const initialPollStatus: PollStatus = {lastOkAt: undefined, lastError: undefined, consecutiveFailures: 0};

export function initialState(options: InitialStateOptions): AppState {
	return {
		scope: options.scope,
		mode: 'list',
		previousMode: 'list',
		paused: false,
		pausedAt: undefined,
		intervalMs: clampInterval(options.intervalMs),
		stallAfterMs: options.stallAfterMs,
		goneKeepMs: options.goneKeepMs ?? defaultGoneKeepMs,
		goneKeepMax: options.goneKeepMax ?? maxGoneKept,
		jobs: new Map(),
		carried: new Map(),
		filter: options.filter,
		sort: options.sort,
		selectedJobId: undefined,
		selectedIndex: 0,
		collections: emptyPicker,
		databases: emptyPicker,
		contexts: options.contexts === undefined || options.contexts.length < 2 ? undefined : {items: options.contexts, error: undefined, highlighted: 0},
		detail: undefined,
		events: [],
		failuresSeen: 0,
		poll: initialPollStatus,
		screen: initialScreen,
		confirm: undefined,
		jobActionsMissing: false,
		weights: options.weights,
		contextWeights: new Map(),
		v3Jobs: new Set(),
		journal: initialJournal,
	};
}
