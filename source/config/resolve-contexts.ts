import {dirname, isAbsolute, join} from 'node:path';
import type {ConfigFile, ContextSpec} from './config-file.js';
import {expandHome} from './config-location.js';
import {chooseContexts, contextToken} from './contexts.js';
import {list, type RawFlags} from './flags.js';
import type {
	ContextRun, Environment, ParseResult, RunRequest,
} from './types.js';

export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

type ResolveOne = (flags: RawFlags, env: Environment) => ParseResult;

/** Flags that describe one server: with several contexts each context says them, so the command line may not. */
export const perServerFlags = [
	'uri',
	'token',
	'token-file',
	'user',
	'password',
	'db',
	'collection',
	'timeout',
	'cloud',
	'cluster-id',
	'cloud-endpoint',
	'read-only',
	'ca-cert',
	'client-cert',
	'client-key',
	'tls-server-name',
	'insecure',
	'proxy',
	'project-id',
	'region-id',
] as const;

const credentialFlags = ['token', 'token-file', 'user', 'password'];
const addressFlags = ['uri', 'cloud', 'cluster-id', 'project-id', 'region-id', 'cloud-endpoint'];
/** Variables that describe one server: a context says where its server and token are, so these do not leak into it. */
const serverVariables = new Set(['MILVUS_URI', 'MILVUS_TOKEN', 'MILVUS_USER', 'MILVUS_PASSWORD', 'MILVUS_DB_NAME', 'ZILLIZ_CLUSTER_ID']);

const given = (flags: RawFlags, key: string): boolean => flags[key] !== undefined && flags[key] !== false;

/** A path in the file: `~/x` as a shell reads it, a relative one from the file's folder (as kubeconfig does). */
const filePath = (path: string, file: ConfigFile, env: ProcessEnvironment): string => {
	const expanded = expandHome(path, env);
	return isAbsolute(expanded) ? expanded : join(dirname(file.path), expanded);
};

/** The context's keys as the flags they stand for; a message (never a token) when its token cannot be found. */
const contextFlags = (spec: ContextSpec, file: ConfigFile, env: ProcessEnvironment): Record<string, unknown> | string => {
	const path = (value: string | undefined): string | undefined => value === undefined ? undefined : filePath(value, file, env);
	const flags: Record<string, unknown> = {
		uri: spec.uri,
		db: spec.db,
		collection: spec.collections,
		timeout: spec.timeout === undefined ? undefined : String(spec.timeout),
		cloud: spec.cloud,
		'cluster-id': spec.clusterId,
		'project-id': spec.projectId,
		'region-id': spec.regionId,
		'cloud-endpoint': spec.cloudEndpoint,
		'read-only': spec.readOnly,
		'ca-cert': path(spec.caCert),
		'client-cert': path(spec.clientCert),
		'client-key': path(spec.clientKey),
		'tls-server-name': spec.tlsServerName,
		insecure: spec.insecure,
		proxy: spec.proxy,
	};
	const token = contextToken(spec, env);
	switch (token.kind) {
		case 'error': {
			return token.message;
		}

		case 'value': {
			flags['token'] = token.token;
			break;
		}

		case 'file': {
			flags['token-file'] = filePath(token.path, file, env);
			break;
		}

		case 'none': {
			flags['user'] = spec.user;
			if (spec.passwordEnv !== undefined) {
				const password = env[spec.passwordEnv];
				if (password === undefined || password === '') {
					return `context ${spec.name}: the environment variable ${spec.passwordEnv} (passwordEnv) is not set`;
				}

				flags['password'] = password;
			}

			break;
		}
	}

	return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
};

/** The command line over the context: a credential or address flag replaces all of the context's (no half-mixed servers). */
const overlay = (cli: RawFlags, fromFile: Record<string, unknown>): RawFlags => {
	const dropped = new Set([
		...(credentialFlags.some(flag => given(cli, flag)) ? credentialFlags : []),
		...(addressFlags.some(flag => given(cli, flag)) ? addressFlags : []),
	]);
	const kept = Object.entries(fromFile).filter(([flag]) => !dropped.has(flag) && !given(cli, flag));
	return {...cli, ...Object.fromEntries(kept)};
};

/**
The file's key each per-server flag stands for: typed over every flag of `perServerFlags`, so a new
per-server flag does not build without its key (test/config/resolve-contexts.test.ts checks the file reads each).
*/
export const contextKeyOf: Readonly<Record<(typeof perServerFlags)[number], string>> = {
	uri: 'uri',
	token: 'token',
	'token-file': 'tokenFile',
	user: 'user',
	password: 'passwordEnv',
	db: 'db',
	collection: 'collections',
	timeout: 'timeout',
	cloud: 'cloud',
	'cluster-id': 'clusterId',
	'cloud-endpoint': 'cloudEndpoint',
	'read-only': 'readOnly',
	'ca-cert': 'caCert',
	'client-cert': 'clientCert',
	'client-key': 'clientKey',
	'tls-server-name': 'tlsServerName',
	insecure: 'insecure',
	proxy: 'proxy',
	'project-id': 'projectId',
	'region-id': 'regionId',
};

const isPerServerFlag = (flag: string): flag is (typeof perServerFlags)[number] => Object.hasOwn(contextKeyOf, flag);

/**
A bad value the one-server resolver found, said at the key's own line (`config.yaml:9: proxy: context prod: --proxy …`)
when the message names a flag the context set (and the command line did not).
*/
const keyAt = (spec: ContextSpec, file: ConfigFile, cli: RawFlags, message: string): string | undefined => {
	const flag = /--([a-z\-]+)/v.exec(message)?.[1];
	const key = flag === undefined || given(cli, flag) || !isPerServerFlag(flag) ? undefined : contextKeyOf[flag];
	const line = key === undefined ? undefined : spec.keyLines?.[key];
	return line === undefined ? undefined : `${file.path}:${line}: ${key!}: context ${spec.name}: ${message}`;
};

const withoutServerVariables = (env: Environment): Environment =>
	Object.fromEntries(Object.entries(env).filter(([name]) => !serverVariables.has(name)));

/** What resolving the contexts works from: the command line, the environment, the file, and the one-server resolver. */
export type ContextInputs = {
	readonly cli: RawFlags;
	readonly env: Environment;
	readonly file: ConfigFile;
	readonly processEnv: ProcessEnvironment;
	readonly resolveOne: ResolveOne;
};

const runOf = (spec: ContextSpec, {
	cli, env, file, processEnv, resolveOne,
}: ContextInputs): RunRequest | string => {
	const at = `${file.path}:${spec.line}: context ${spec.name}: `;
	const fromFile = contextFlags(spec, file, processEnv);
	if (typeof fromFile === 'string') {
		return `${file.path}:${spec.line}: ${fromFile}`;
	}

	const result = resolveOne(overlay(cli, fromFile), withoutServerVariables(env));
	if (result.kind === 'usage-error') {
		return keyAt(spec, file, cli, result.message) ?? at + result.message;
	}

	return result.kind === 'run' ? {...result, config: {...result.config, contextName: spec.name}} : `${at}not a run`;
};

/**
The config file's part of a run: the chosen contexts, each resolved as if its keys were flags under the
command line's. One context: the command line overrides it. Several: a per-server flag is a usage error
(it would be ambiguous), and the request carries every context.
*/
export const resolveWithContexts = (inputs: ContextInputs): ParseResult => {
	const {
		cli, env, file, resolveOne,
	} = inputs;
	const chosen = chooseContexts(file, list(cli, 'context'));
	if (!chosen.ok) {
		return {kind: 'usage-error', message: chosen.message};
	}

	// The command line's own mistakes are reported as they would be without a file.
	const perServer = new Set<string>(perServerFlags);
	const viewOnly: RawFlags = {...Object.fromEntries(Object.entries(cli).filter(([flag]) => !perServer.has(flag))), _: cli._};
	const alone = resolveOne(viewOnly, withoutServerVariables(env));
	if (alone.kind === 'usage-error') {
		return alone;
	}

	if (chosen.value.length > 1) {
		const clash = perServerFlags.find(flag => given(cli, flag));
		if (clash !== undefined) {
			const names = chosen.value.map(spec => spec.name).join(', ');
			return {kind: 'usage-error', message: `--${clash} is set per context when watching several (${names}): set it in ${file.path}, or pick one context`};
		}
	}

	const names = chosen.value.map(spec => spec.name);
	const bare = chosen.value.length > 1 ? list(cli, 'job').find(id => !names.some(name => id.startsWith(`${name}/`))) : undefined;
	if (bare !== undefined) {
		return {kind: 'usage-error', message: `--job ${bare.slice(0, 60)}: with several contexts name the job's context too, as CONTEXT/ID (${names.map(name => `${name}/…`).join(', ')})`};
	}

	const runs: RunRequest[] = [];
	for (const spec of chosen.value) {
		const run = runOf(spec, inputs);
		if (typeof run === 'string') {
			return {kind: 'usage-error', message: run};
		}

		runs.push(run);
	}

	const contexts: ContextRun[] = runs.map(run => ({
		name: run.config.contextName!, config: run.config, connection: run.connection, pending: run.pending,
	}));
	return {...runs[0]!, contexts};
};
