import {isScalar, isSeq} from 'yaml';

/** The config file's values: their kinds, and the checks of one context's keys together (config-file.ts reads the file). */

/** One named cluster of the config file. Every per-server flag has its key; the token is never printed. */
export type ContextSpec = {
	readonly name: string;
	/** 1-based line of the context's `name:`, for messages that point at it. */
	readonly line: number;
	/** 1-based line of each key, for a bad value found later (as a flag: resolve-contexts.ts). */
	readonly keyLines?: Readonly<Record<string, number>>;
	readonly uri?: string;
	readonly token?: string;
	readonly tokenEnv?: string;
	readonly tokenFile?: string;
	readonly user?: string;
	readonly passwordEnv?: string;
	readonly db?: string;
	readonly collections?: readonly string[];
	readonly cloud?: boolean;
	readonly clusterId?: string;
	/** A project database (serverless): found by both, as --project-id and --region-id. */
	readonly projectId?: string;
	readonly regionId?: string;
	readonly cloudEndpoint?: string;
	/** Seconds, as the --timeout flag takes them. */
	readonly timeout?: number;
	readonly readOnly?: boolean;
	readonly caCert?: string;
	readonly clientCert?: string;
	readonly clientKey?: string;
	readonly tlsServerName?: string;
	readonly insecure?: boolean;
	readonly proxy?: string;
};

export type Kind = 'string' | 'boolean' | 'number' | 'list';

/** A problem in the file: its message is the one line the user sees (file:line: key: what). */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

const envPattern = /^[A-Z_a-z]\w*$/v;

/** The Zilliz Cloud keys: a dedicated cluster (clusterId) or a project database (projectId with regionId), only with cloud: true. */
const checkCloud = (spec: ContextSpec, at: string): void => {
	const project = spec.projectId !== undefined || spec.regionId !== undefined;
	if (spec.cloud === true && spec.clusterId === undefined && !project) {
		throw new ConfigError(`${at}clusterId: a context with cloud: true needs clusterId, or projectId with regionId (context "${spec.name}")`);
	}

	if (spec.clusterId !== undefined && project) {
		throw new ConfigError(`${at}${spec.projectId === undefined ? 'regionId' : 'projectId'}: clusterId or projectId/regionId, not both (context "${spec.name}")`);
	}

	if (project && (spec.projectId === undefined || spec.regionId === undefined)) {
		throw new ConfigError(`${at}${spec.projectId === undefined ? 'projectId' : 'regionId'}: projectId and regionId go together (context "${spec.name}")`);
	}

	const cloudOnly = (['clusterId', 'projectId', 'regionId', 'cloudEndpoint'] as const).find(key => spec[key] !== undefined);
	if (spec.cloud !== true && cloudOnly !== undefined) {
		throw new ConfigError(`${at}${cloudOnly}: only with cloud: true (context "${spec.name}")`);
	}
};

export const checkContext = (spec: ContextSpec, at: string): void => {
	const tokens = (['token', 'tokenEnv', 'tokenFile'] as const).filter(key => spec[key] !== undefined);
	if (tokens.length > 1) {
		throw new ConfigError(`${at}${tokens[1]}: give only one of token, tokenEnv, tokenFile (context "${spec.name}")`);
	}

	for (const key of ['tokenEnv', 'passwordEnv'] as const) {
		const name = spec[key];
		if (name !== undefined && !envPattern.test(name)) {
			throw new ConfigError(`${at}${key}: "${name.slice(0, 60)}" is not an environment variable name`);
		}
	}

	if (spec.timeout !== undefined && !(spec.timeout >= 0.1 && spec.timeout <= 3600)) {
		throw new ConfigError(`${at}timeout: seconds between 0.1 and 3600 (context "${spec.name}")`);
	}

	checkCloud(spec, at);
	if (spec.cloud === true && spec.uri !== undefined) {
		throw new ConfigError(`${at}uri: a cloud context takes cloudEndpoint, not uri (context "${spec.name}")`);
	}
};

const scalarValue = (node: unknown): unknown => (isScalar(node) ? node.value : undefined);

export const readString = (node: unknown, label: string): string => {
	const value = scalarValue(node);
	if (typeof value === 'number') {
		return String(value);
	}

	if (typeof value !== 'string' || value.trim() === '') {
		throw new ConfigError(`${label}: expected a non-empty text`);
	}

	return value.trim();
};

export const readValue = (node: unknown, kind: Kind, label: string): unknown => {
	switch (kind) {
		case 'list': {
			return isSeq(node) ? node.items.map(item => readString(item, label)) : [readString(node, label)];
		}

		case 'string': {
			return readString(node, label);
		}

		case 'boolean': {
			const value = scalarValue(node);
			if (typeof value !== 'boolean') {
				throw new ConfigError(`${label}: expected true or false`);
			}

			return value;
		}

		case 'number': {
			const value = scalarValue(node);
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				throw new ConfigError(`${label}: expected a number`);
			}

			return value;
		}
	}
};

