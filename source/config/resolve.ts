import type {SortSpec} from '../model/jobs/types.js';
import {flavors} from '../demo/flavor.js';
import {knownStates} from '../model/jobs/job.js';
import type {
	Config, Connection, Environment, ParseResult, PendingCredential, RunMode,
} from './types.js';
import {normalizeUri, type NormalizedUri} from './uri.js';
import {
	asciiFromEnv, colorFromEnv, maxTimerMs, parseCount, parseSeconds, parseSort, parseStates, readOnlyFrom,
} from './values.js';
import {resolveJobAction} from './job-action.js';
import {resolveDemoServer} from './demo-server.js';
import {resolveCredentials} from './credentials.js';
import {resolveHistory} from './history.js';
import {
	bool, givenEmpty, list, nonEmpty, text, type RawFlags,
} from './flags.js';
import {directTransport, readTransport, tlsFlags} from './transport.js';
import type {ConfigFile} from './config-file.js';
import {resolveWithContexts, type ProcessEnvironment} from './resolve-contexts.js';

type Context = {
	readonly platform: string;
	readonly checkFlavor: ((name: string) => string | undefined) | undefined;
	/** The config file, already read (cli/main.ts reads it); undefined: none, nothing changes. */
	readonly configFile?: ConfigFile | undefined;
	/** Every variable, for a context's tokenEnv / passwordEnv. */
	readonly processEnv?: ProcessEnvironment;
};

export const defaults = {
	uri: 'localhost:19530', // http:// unless TLS flags are given
	intervalSeconds: '2',
	timeoutSeconds: '10',
	retries: '3',
	cloudEndpoint: 'https://api.cloud.zilliz.com',
	stallAfterMs: 5 * 60_000,
} as const;

const usage = (message: string): ParseResult => ({kind: 'usage-error', message});

const conflicts: ReadonlyArray<readonly [string, string]> = [
	['demo', 'uri'],
	['demo', 'cloud'],
	['once', 'json'],
	['wait', 'json'],
	['wait', 'once'],
	['token', 'token-file'],
	['token', 'user'],
	['token-file', 'user'],
	// The demo server is in this process, on plain HTTP: no TLS, no proxy.
	...[...tlsFlags, 'proxy'].map(flag => ['demo', flag] as const),
];
const needs: ReadonlyArray<readonly [string, string]> = [
	['watch', 'json'], ['job', 'wait'], ['flavor', 'demo'], ['cluster-id', 'cloud'], ['project-id', 'cloud'], ['region-id', 'cloud'], ['cloud-endpoint', 'cloud'],
];

const given = (flags: RawFlags, key: string): boolean => flags[key] !== undefined && flags[key] !== false;

const combinationError = (flags: RawFlags): string | undefined => {
	const conflict = conflicts.find(([a, b]) => given(flags, a) && given(flags, b));
	if (conflict) {
		return `--${conflict[0]} and --${conflict[1]} cannot be used together`;
	}

	const need = needs.find(([flag, needed]) => given(flags, flag) && flags[needed] !== true);
	return need ? `--${need[0]} only works with --${need[1]}` : undefined;
};

const chooseMode = (flags: RawFlags): RunMode => {
	if (bool(flags, 'wait') === true) {
		return {kind: 'wait', jobIds: list(flags, 'job')};
	}

	if (bool(flags, 'json') === true) {
		return {kind: 'json', watch: bool(flags, 'watch') === true};
	}

	return bool(flags, 'once') === true ? {kind: 'once'} : {kind: 'live'};
};

type Numbers = {readonly intervalMs: number; readonly timeoutMs: number; readonly retries: number};

const readNumbers = (flags: RawFlags): Numbers | string => {
	const interval = parseSeconds('interval', text(flags, 'interval') ?? defaults.intervalSeconds, 0.5);
	// The request deadline is the timeout rounded up to whole seconds plus up to 2 s of grace (api/request-options.ts).
	const timeout = parseSeconds('timeout', text(flags, 'timeout') ?? defaults.timeoutSeconds, 0.1, maxTimerMs - 3000);
	const retries = parseCount('retries', text(flags, 'retries') ?? defaults.retries, 1000);
	if (!interval.ok) {
		return interval.message;
	}

	if (!timeout.ok) {
		return timeout.message;
	}

	return retries.ok ? {intervalMs: interval.value, timeoutMs: timeout.value, retries: retries.value} : retries.message;
};

const readConnection = (flags: RawFlags, env: Environment, flavor: string | undefined, endpoint: string): Connection | string => {
	if (bool(flags, 'demo') === true) {
		return {kind: 'demo', flavor};
	}

	if (bool(flags, 'cloud') !== true) {
		return {kind: 'milvus'};
	}

	const clusterId = nonEmpty(text(flags, 'cluster-id')) ?? nonEmpty(env.ZILLIZ_CLUSTER_ID);
	const projectId = nonEmpty(text(flags, 'project-id')) ?? nonEmpty(env.ZILLIZ_PROJECT_ID);
	const regionId = nonEmpty(text(flags, 'region-id')) ?? nonEmpty(env.ZILLIZ_REGION_ID);
	if (clusterId !== undefined) {
		return projectId === undefined && regionId === undefined
			? {
				kind: 'cloud', target: {clusterId}, endpoint,
			}
			: '--cluster-id names a dedicated cluster; --project-id/--region-id a project database: give one or the other';
	}

	if (projectId === undefined && regionId === undefined) {
		return '--cloud needs --cluster-id (or ZILLIZ_CLUSTER_ID), or --project-id with --region-id';
	}

	return projectId === undefined || regionId === undefined
		? '--project-id and --region-id go together (a project database is found by both)'
		: {
			kind: 'cloud', target: {projectId, regionId}, endpoint,
		};
};

const uriInput = (flags: RawFlags, env: Environment): string => {
	if (bool(flags, 'demo') === true) {
		return defaults.uri; // Replaced by the demo server's real address once it listens.
	}

	return bool(flags, 'cloud') === true
		? text(flags, 'cloud-endpoint') ?? defaults.cloudEndpoint
		: text(flags, 'uri') ?? nonEmpty(env.MILVUS_URI) ?? defaults.uri;
};

const readFlavor = (flags: RawFlags, context: Context): {readonly flavor: string | undefined} | string => {
	const wanted = text(flags, 'flavor');
	if (wanted === undefined || context.checkFlavor === undefined) {
		return {flavor: wanted};
	}

	const flavor = context.checkFlavor(wanted);
	return flavor === undefined ? `unknown demo flavor "${wanted}" (one of ${flavors.join(', ')})` : {flavor};
};

type Values = {
	readonly numbers: Numbers;
	readonly states: readonly string[];
	readonly sort: SortSpec;
	readonly uri: NormalizedUri;
};

/** Every flag value that can be wrong, checked in the order a person would fix them. */
const readValues = (flags: RawFlags, env: Environment): Values | string => {
	const combination = combinationError(flags);
	if (combination !== undefined) {
		return combination;
	}

	const numbers = readNumbers(flags);
	if (typeof numbers === 'string') {
		return numbers;
	}

	if (givenEmpty(flags, 'job')) {
		return '--job needs a job id, got an empty value (is the variable that holds it set?)';
	}

	if (givenEmpty(flags, 'state')) {
		return `--state needs a value (one or more of ${knownStates.join(', ')})`;
	}

	const states = parseStates(list(flags, 'state'));
	const sort = parseSort(text(flags, 'sort') ?? 'state');
	// `--uri host:port --ca-cert …` means https://: TLS flags say the server speaks TLS.
	const uri = normalizeUri(uriInput(flags, env), tlsFlags.some(flag => given(flags, flag)) ? 'https' : 'http');
	if (!states.ok) {
		return states.message;
	}

	if (!sort.ok) {
		return sort.message;
	}

	return uri.ok
		? {
			numbers, states: states.value, sort: sort.value, uri: uri.value,
		}
		: uri.message;
};

type Resolved = {readonly config: Config; readonly connection: Connection; readonly pending: PendingCredential | undefined; readonly retries: number};

/** Flags and environment → the Config every command shares, or the one-line reason it cannot be built. */
export const resolveConfig = (flags: RawFlags, env: Environment, flavor: string | undefined, context: Context): Resolved | string => {
	const values = readValues(flags, env);
	if (typeof values === 'string') {
		return values;
	}

	const {numbers, states, sort, uri} = values;
	const connection = readConnection(flags, env, flavor, uri.uri);
	const credentials = resolveCredentials(flags, env, uri.token);
	const readOnly = readOnlyFrom(bool(flags, 'read-only'), env);
	if (typeof connection === 'string') {
		return connection;
	}

	if (!credentials.ok) {
		return credentials.message;
	}

	if (!readOnly.ok) {
		return readOnly.message;
	}

	const transport = connection.kind === 'demo' ? {ok: true as const, value: directTransport} : readTransport(flags, env, uri.uri);
	if (!transport.ok) {
		return transport.message;
	}

	if (connection.kind === 'cloud' && credentials.value.token === undefined && credentials.value.pending === undefined) {
		return '--cloud needs an API key: MILVUS_TOKEN, --token-file or --token';
	}

	const config: Config = {
		uri: uri.uri,
		token: credentials.value.token,
		credentialSource: credentials.value.source,
		dbName: nonEmpty(text(flags, 'db')) ?? nonEmpty(env.MILVUS_DB_NAME),
		collections: [...new Set(list(flags, 'collection'))],
		intervalMs: numbers.intervalMs,
		timeoutMs: numbers.timeoutMs,
		initialStates: states,
		initialFilter: text(flags, 'filter') ?? '',
		initialSort: sort,
		color: colorFromEnv(bool(flags, 'color'), env),
		ascii: asciiFromEnv(bool(flags, 'ascii'), env, context.platform),
		bell: bool(flags, 'bell') === true,
		stallAfterMs: defaults.stallAfterMs,
		transport: transport.value,
		readOnly: readOnly.value,
	};
	return {
		config, connection, pending: credentials.value.pending, retries: numbers.retries,
	};
};

export const resolveRun = (flags: RawFlags, env: Environment, context: Context): ParseResult => {
	const flavor = readFlavor(flags, context);
	if (typeof flavor === 'string') {
		return usage(flavor);
	}

	const command = flags._[0];
	if (command === 'demo-server') {
		return resolveDemoServer(flags, flavor.flavor);
	}

	if (command === 'history') {
		return resolveHistory(flags);
	}

	if (command === 'commit' || command === 'abort') {
		const resolved = resolveConfig(flags, env, flavor.flavor, context);
		return typeof resolved === 'string' ? usage(resolved) : resolveJobAction(command, flags, resolved);
	}

	if (context.configFile !== undefined && bool(flags, 'demo') !== true) {
		const file = context.configFile;
		return resolveWithContexts({
			cli: flags, env, file, processEnv: context.processEnv ?? {}, resolveOne: (merged, contextEnv) => resolveWatch(merged, contextEnv, flavor.flavor, context),
		});
	}

	if (flags['context'] !== undefined) {
		return usage('--context needs a config file: none at the default location; give one with --config PATH (see the README\'s Contexts section)');
	}

	return resolveWatch(flags, env, flavor.flavor, context);
};

/** The default command: watching jobs, on one server. */
const resolveWatch = (flags: RawFlags, env: Environment, flavor: string | undefined, context: Context): ParseResult => {
	const resolved = resolveConfig(flags, env, flavor, context);
	if (typeof resolved === 'string') {
		return usage(resolved);
	}

	const onEvent = text(flags, 'on-event');
	if (onEvent?.trim() === '') {
		return usage('--on-event needs a command');
	}

	return {
		kind: 'run',
		config: resolved.config,
		watchers: {journal: bool(flags, 'journal') !== false, notify: bool(flags, 'notify') === true, onEvent: onEvent?.trim()},
		mode: chooseMode(flags),
		connection: resolved.connection,
		pending: resolved.pending,
		retries: resolved.retries,
	};
};
