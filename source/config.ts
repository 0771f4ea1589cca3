import type {SortSpec} from './model/types.js';
import type {CloudTarget} from './api/zilliz-errors.js';
import {buildParser, programName} from './config/options.js';
import {resolveRun} from './config/resolve.js';
import type {RawFlags} from './config/flags.js';
import {parseFlavor} from './demo/flavor.js';

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

/** Which way to run. `live` becomes the plain table when stdout is not a terminal (decided by cli.tsx, which can see it). */
export type RunMode
	= | {readonly kind: 'live'}
		| {readonly kind: 'once'}
		| {readonly kind: 'json'; readonly watch: boolean}
		| {readonly kind: 'wait'; readonly jobIds: readonly string[]};

export type Connection
	= | {readonly kind: 'milvus'}
		| {readonly kind: 'demo'; readonly flavor: string | undefined}
		| {readonly kind: 'cloud'; readonly target: CloudTarget; readonly endpoint: string; readonly keySource: string};

/** A credential that needs I/O before `config.token` can be filled in (cli.tsx does it). */
export type PendingCredential
	= | {readonly kind: 'token-file'; readonly path: string}
		| {readonly kind: 'password-prompt'; readonly user: string};

export type RunRequest = {
	readonly kind: 'run';
	readonly config: Config;
	readonly mode: RunMode;
	readonly connection: Connection;
	readonly pending: PendingCredential | undefined;
	/** Failed polls in a row tolerated by the script modes before exit code 3. */
	readonly retries: number;
};

export type DemoServerRequest = {
	readonly kind: 'demo-server';
	readonly port: number;
	readonly auth: {readonly user: string; readonly password: string} | undefined;
	readonly flavor: string | undefined;
};

export type ParseResult
	= | RunRequest
		| DemoServerRequest
		| {readonly kind: 'help'; readonly text: string}
		| {readonly kind: 'version'; readonly text: string}
		| {readonly kind: 'usage-error'; readonly message: string};

/** The variables we read. `process.env` fits this type; tests pass plain objects. */
export type EnvironmentName = 'MILVUS_URI' | 'MILVUS_TOKEN' | 'MILVUS_USER' | 'MILVUS_PASSWORD' | 'MILVUS_DB_NAME' | 'ZILLIZ_CLUSTER_ID' | 'ZILLIZ_PROJECT_ID' | 'ZILLIZ_REGION_ID'
	| 'NO_COLOR' | 'TERM' | 'LANG' | 'LC_ALL' | 'LC_CTYPE';
export type Environment = Readonly<Partial<Record<EnvironmentName, string | undefined>>>;

export type ParseOptions = {
	readonly version?: string;
	/** Help text width. */
	readonly columns?: number;
	readonly platform?: string;
	/** Rejects an unknown demo flavor; returns its canonical name. Default: the demo server's parseFlavor. */
	readonly checkFlavor?: (name: string) => string | undefined;
};

export const usageHint = `Try '${programName} --help'.`;

/** Pure: argv (without node and script) and an environment in, a decision out. Reads no files, no TTY, no clock. */
export const parseConfig = (argv: readonly string[], env: Environment, options: ParseOptions = {}): ParseResult => {
	const parser = buildParser(options.version ?? '0.0.0', Math.min(Math.max(options.columns ?? 100, 60), 120));
	let flags: RawFlags | undefined;
	let output = '';
	try {
		void parser.parse([...argv], {}, (error: Error | undefined, parsed: RawFlags, text: string) => {
			if (error) {
				throw error;
			}

			flags = parsed;
			output = text;
		});
	} catch (error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		return {kind: 'usage-error', message: redactUnknown(firstLine(message), argv)};
	}

	if (flags === undefined) {
		return {kind: 'usage-error', message: 'could not read the command line'};
	}

	if (flags['help'] === true) {
		return {kind: 'help', text: output};
	}

	if (flags['version'] === true) {
		return {kind: 'version', text: output};
	}

	return resolveRun(flags, env, {platform: options.platform ?? 'linux', checkFlavor: options.checkFlavor ?? parseFlavor});
};

const firstLine = (message: string): string => message.split('\n').find(line => line.trim() !== '')?.trim() ?? 'bad arguments';

/**
yargs lists stray words in "Unknown arguments: tokne, s3cr3t": the value after a mistyped `--tokne`
may be a secret, so only words the user wrote as flags are echoed.
*/
const redactUnknown = (message: string, argv: readonly string[]): string => {
	const match = /^(Unknown arguments?): (.*)$/v.exec(message);
	if (!match) {
		return message;
	}

	const words = match[2]!.split(', ');
	const flags = words.filter(word => argv.some(arg => arg === `--${word}` || arg === `--no-${word}` || arg.startsWith(`--${word}=`) || arg === `-${word}`));
	const others = words.length - flags.length;
	const parts = [
		...(flags.length > 0 ? [`unknown option${flags.length > 1 ? 's' : ''} ${flags.map(word => (word.length === 1 ? `-${word}` : `--${word}`)).join(', ')}`] : []),
		...(others > 0 ? [`${others} unexpected word${others > 1 ? 's' : ''} (not shown, it may be a secret)`] : []),
	];
	return parts.join('; ');
};

export {normalizeUri} from './config/uri.js';
