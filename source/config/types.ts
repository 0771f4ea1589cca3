import type {SortSpec} from '../model/jobs/types.js';
import type {CloudTarget} from '../api/zilliz-errors.js';

/** Everything the app needs to know, after flags, environment and files have been read. Parsing lives here too (yargs). */
export type Config = {
	/** Base URL, normalized (scheme added when the user gave host:port). Never contains credentials. */
	readonly uri: string;
	/** `user:password` or an API key; undefined when auth is off. Never printed. */
	readonly token: string | undefined;
	/** Where the token came from, as a refusal's hint names it (`--user`, `MILVUS_TOKEN`, the URI…); undefined: none given. */
	readonly credentialSource?: string;
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
	/** TLS trust and identity, and the proxy: applied to every request. */
	readonly transport: TransportSettings;
	/**
	Send nothing that changes the server (commit, abort): the connection then holds no JobActions at
	all. From --read-only, MILVUS_IMPORT_TOP_READ_ONLY, or (helper "contexts") a context's `readOnly`.
	*/
	readonly readOnly: boolean;
	/** The config file's context this server came from; undefined without a config file. */
	readonly contextName?: string;
};

/** Which way to run. `live` becomes the plain table when stdout is not a terminal (decided by cli/main.ts, which can see it). */
export type RunMode
	= | {readonly kind: 'live'}
		| {readonly kind: 'once'}
		| {readonly kind: 'json'; readonly watch: boolean}
		| {readonly kind: 'wait'; readonly jobIds: readonly string[]};

export type Connection
	= | {readonly kind: 'milvus'}
		| {readonly kind: 'demo'; readonly flavor: string | undefined}
		| {readonly kind: 'cloud'; readonly target: CloudTarget; readonly endpoint: string};

/** A credential that needs I/O before `config.token` can be filled in (cli/main.ts does it). */
export type PendingCredential
	= | {readonly kind: 'token-file'; readonly path: string}
		| {readonly kind: 'password-prompt'; readonly user: string};

/** What the polling modes do besides showing jobs: the journal (issue #14) and notifications. */
export type Watchers = {
	/** Append every transition to the journal (--no-journal: false). */
	readonly journal: boolean;
	/** --notify: OSC 9 / 777 desktop notifications. */
	readonly notify: boolean;
	/** --on-event: a command run for each event, without a shell. */
	readonly onEvent: string | undefined;
};

export type RunRequest = {
	readonly kind: 'run';
	readonly config: Config;
	readonly watchers: Watchers;
	readonly mode: RunMode;
	readonly connection: Connection;
	readonly pending: PendingCredential | undefined;
	/** Failed polls in a row tolerated by the script modes before exit code 3. */
	readonly retries: number;
	/**
	The config file's contexts being watched (config, connection and pending above are the first one's);
	undefined without a config file. More than one: several servers in one view.
	*/
	readonly contexts?: readonly ContextRun[];
};

/** One context of the config file, resolved as a run of its own would be. */
export type ContextRun = {
	readonly name: string;
	readonly config: Config;
	readonly connection: Connection;
	readonly pending: PendingCredential | undefined;
};

export type DemoServerRequest = {
	readonly kind: 'demo-server';
	readonly port: number;
	readonly auth: {readonly user: string; readonly password: string} | undefined;
	readonly flavor: string | undefined;
	/** --retention: how long a finished job stays listed, ms; undefined: the demo's default. */
	readonly retentionMs: number | undefined;
	/** Paths: serve HTTPS (and with `clientCa`, require client certificates). Files are read by the CLI. */
	readonly tls: {readonly cert: string; readonly key: string; readonly clientCa: string | undefined} | undefined;
	/** Print one line per request (method, path, status). */
	readonly logRequests: boolean;
};

/** `milvus-import-top commit JOBID…` / `abort JOBID…` (cli/job-action.ts). */
export type JobActionRequest = {
	readonly kind: 'job-action';
	readonly action: 'commit' | 'abort';
	readonly jobIds: readonly string[];
	readonly config: Config;
	readonly pending: PendingCredential | undefined;
};

/** `--since`: a period back from now, or a moment. Kept apart from the clock: config parsing reads none. */
export type Since = {readonly kind: 'ago'; readonly ms: number} | {readonly kind: 'at'; readonly at: number};

export type HistoryRequestFlags = {
	readonly kind: 'history';
	readonly since: Since | undefined;
	/** Lower case: a known state, or expired / lost. */
	readonly states: readonly string[];
	readonly collections: readonly string[];
	readonly contexts: readonly string[];
	readonly json: boolean;
};

export type ParseResult
	= | RunRequest
		| DemoServerRequest
		| HistoryRequestFlags
		| JobActionRequest
		| {readonly kind: 'help'; readonly text: string}
		| {readonly kind: 'version'; readonly text: string}
		| {readonly kind: 'usage-error'; readonly message: string};

/** The variables we read. `process.env` fits this type; tests pass plain objects. */
export type EnvironmentName = 'MILVUS_URI' | 'MILVUS_TOKEN' | 'MILVUS_USER' | 'MILVUS_PASSWORD' | 'MILVUS_DB_NAME' | 'ZILLIZ_CLUSTER_ID' | 'ZILLIZ_PROJECT_ID' | 'ZILLIZ_REGION_ID' | 'MILVUS_IMPORT_TOP_READ_ONLY'
	| 'NO_COLOR' | 'TERM' | 'LANG' | 'LC_ALL' | 'LC_CTYPE'
	| 'https_proxy' | 'HTTPS_PROXY' | 'http_proxy' | 'HTTP_PROXY' | 'all_proxy' | 'ALL_PROXY' | 'no_proxy' | 'NO_PROXY';
export type Environment = Readonly<Partial<Record<EnvironmentName, string | undefined>>>;

/**
How requests travel: TLS trust and identity, and the proxy. One object so a flag set, the environment
or (later) a context of the config file can fill it; file contents are read by the CLI (cli/tls-files.ts).
*/
export type TransportSettings = {
	/** PEM file (may hold a chain) of CAs to trust besides the system's. */
	readonly caCert: string | undefined;
	/** PEM client certificate and its key, for mutual TLS. */
	readonly clientCert: string | undefined;
	readonly clientKey: string | undefined;
	/** The name to check the server's certificate against (SNI too), when the address is an IP or a tunnel. */
	readonly tlsServerName: string | undefined;
	/** Skip certificate verification (a warning on every start). */
	readonly insecure: boolean;
	/** The proxy to use for this server (after HTTPS_PROXY/HTTP_PROXY/NO_PROXY), or undefined: direct. */
	readonly proxy: string | undefined;
};
