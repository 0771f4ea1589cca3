import type {SortSpec} from '../model/jobs/types.js';
import {flavors} from '../demo/flavor.js';
import {knownStates} from '../model/jobs/job.js';
import type {
	Config, Connection, Environment, ParseResult, RunMode,
} from './types.js';
import {normalizeUri, type NormalizedUri} from './uri.js';
import {
	asciiFromEnv, colorFromEnv, maxTimerMs, parseCount, parsePort, parseSeconds, parseSort, parseStates,
} from './values.js';
import {resolveCredentials} from './credentials.js';
import type {ConfigFile} from './config-file.js';
import {resolveWithContexts, type ProcessEnvironment} from './resolve-contexts.js';
import {resolveHistory} from './history.js';
import {
	bool, givenEmpty, list, nonEmpty, text, type RawFlags,
} from './flags.js';
import {directTransport, readTransport, tlsFlags} from './transport.js';

type Context = {
	readonly platform: string;
	readonly checkFlavor: ((name: string) => string | undefined) | undefined;
	/** The config file, already read (cli.tsx reads it); undefined: none, nothing changes. */
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
	demoPort: '19530',
} as const;

const usage = (message: string): ParseResult => ({kind: 'usage-error', message});

const conflicts: ReadonlyArray<readonly [string, string]> = [
	['demo', 'uri'],
	['demo', 'cloud'],
	['demo', 'config'],
	['demo', 'context'],
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
	['watch', 'json'], ['job', 'wait'], ['flavor', 'demo'], ['cluster-id', 'cloud'], ['cloud-endpoint', 'cloud'],
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
	return clusterId === undefined ? '--cloud needs --cluster-id (or ZILLIZ_CLUSTER_ID)' : {kind: 'cloud', clusterId, endpoint};
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

export const resolveRun = (flags: RawFlags, env: Environment, context: Context): ParseResult => {
	const flavor = readFlavor(flags, context);
	if (typeof flavor === 'string') {
		return usage(flavor);
	}

	if (flags._[0] === 'demo-server') {
		return resolveDemoServer(flags, flavor.flavor);
	}

	if (flags._[0] === 'history') {
		return resolveHistory(flags);
	}

	if (context.configFile !== undefined && bool(flags, 'demo') !== true) {
		const file = context.configFile;
		return resolveWithContexts({
			cli: flags, env, file, processEnv: context.processEnv ?? {}, resolveOne: (merged, contextEnv) => resolveOne(merged, contextEnv, context, flavor.flavor),
		});
	}

	if (given(flags, 'context')) {
		return usage('--context needs a config file: none at the default location; give one with --config PATH (see the README\'s Contexts section)');
	}

	return resolveOne(flags, env, context, flavor.flavor);
};

const resolveOne = (flags: RawFlags, env: Environment, context: Context, flavor: string | undefined): ParseResult => {
	const values = readValues(flags, env);
	if (typeof values === 'string') {
		return usage(values);
	}

	const {numbers, states, sort, uri} = values;
	const connection = readConnection(flags, env, flavor, uri.uri);
	const credentials = resolveCredentials(flags, env, uri.token);
	if (typeof connection === 'string' || !credentials.ok) {
		return usage(typeof connection === 'string' ? connection : (credentials.ok ? '' : credentials.message));
	}

	const transport = connection.kind === 'demo' ? {ok: true as const, value: directTransport} : readTransport(flags, env, uri.uri);
	if (!transport.ok) {
		return usage(transport.message);
	}

	if (connection.kind === 'cloud' && credentials.value.token === undefined && credentials.value.pending === undefined) {
		return usage('--cloud needs an API key: MILVUS_TOKEN, --token-file or --token');
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
	};
	const onEvent = text(flags, 'on-event');
	if (onEvent?.trim() === '') {
		return usage('--on-event needs a command');
	}

	return {
		kind: 'run',
		config,
		watchers: {journal: bool(flags, 'journal') !== false, notify: bool(flags, 'notify') === true, onEvent: onEvent?.trim()},
		mode: chooseMode(flags),
		connection,
		pending: credentials.value.pending,
		retries: numbers.retries,
	};
};

const resolveDemoServer = (flags: RawFlags, flavor: string | undefined): ParseResult => {
	const port = parsePort(text(flags, 'port') ?? defaults.demoPort);
	if (!port.ok) {
		return usage(port.message);
	}

	const auth = text(flags, 'auth');
	const colon = auth?.indexOf(':') ?? -1;
	if (auth !== undefined && colon < 1) {
		return usage('--auth must look like user:password');
	}

	const rawRetention = text(flags, 'retention');
	const retention = rawRetention === undefined ? undefined : parseSeconds('retention', rawRetention, 1);
	if (retention !== undefined && !retention.ok) {
		return usage(retention.message);
	}

	const cert = nonEmpty(text(flags, 'tls-cert'));
	const key = nonEmpty(text(flags, 'tls-key'));
	const clientCa = nonEmpty(text(flags, 'client-ca'));
	if ((cert === undefined) !== (key === undefined) || (clientCa !== undefined && cert === undefined)) {
		return usage(cert === undefined ? `--${key === undefined ? 'client-ca' : 'tls-key'} needs --tls-cert` : '--tls-cert needs --tls-key');
	}

	return {
		kind: 'demo-server',
		retentionMs: retention?.value,
		port: port.value,
		auth: auth === undefined ? undefined : {user: auth.slice(0, colon), password: auth.slice(colon + 1)},
		flavor,
		tls: cert === undefined || key === undefined ? undefined : {cert, key, clientCa},
	};
};
