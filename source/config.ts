import type {SortSpec} from './model/types.js';

/** Everything the app needs to know, after flags, environment and files have been read. Parsing lives here too (yargs). */
export type Config = {
	/** Base URL, normalized (scheme added when the user gave host:port). Never contains credentials. */
	readonly uri: string;
	/** `user:password` or an API key; undefined when auth is off. Never printed. */
	readonly token: string | undefined;
	/** Database chosen with --db; undefined means the server default. */
	readonly dbName: string | undefined;
	/** Empty: all collections. */
	readonly collections: readonly string[];
	readonly intervalMs: number;
	readonly timeoutMs: number;
	readonly initialStates: readonly string[];
	readonly initialFilter: string;
	readonly initialSort: SortSpec;
	readonly color: boolean;
	readonly ascii: boolean;
	readonly bell: boolean;
	/** Seconds without any change before a running job counts as stalled. */
	readonly stallAfterMs: number;
};
