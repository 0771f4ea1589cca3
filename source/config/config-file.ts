import {
	isMap, isNode, isScalar, isSeq, LineCounter, parseDocument,
} from 'yaml';
import {
	checkContext, ConfigError, readString, readValue, type ContextSpec, type Kind,
} from './context-values.js';

export type {ContextSpec} from './context-values.js';

export type ConfigFile = {
	readonly path: string;
	readonly contexts: readonly ContextSpec[];
	readonly current: string | undefined;
	/** True when some context holds a plain `token:` (the caller checks the file's permissions then). */
	readonly hasPlainToken: boolean;
};

export type ConfigFileResult = {readonly ok: true; readonly value: ConfigFile} | {readonly ok: false; readonly message: string};

const contextKeys: Readonly<Record<Exclude<keyof ContextSpec, 'line' | 'keyLines'>, Kind>> = {
	name: 'string',
	uri: 'string',
	token: 'string',
	tokenEnv: 'string',
	tokenFile: 'string',
	user: 'string',
	passwordEnv: 'string',
	db: 'string',
	collections: 'list',
	cloud: 'boolean',
	clusterId: 'string',
	projectId: 'string',
	regionId: 'string',
	cloudEndpoint: 'string',
	timeout: 'number',
	readOnly: 'boolean',
	caCert: 'string',
	clientCert: 'string',
	clientKey: 'string',
	tlsServerName: 'string',
	insecure: 'boolean',
	proxy: 'string',
};

const namePattern = /^[\w.\-]{1,40}$/v;

type Where = (node: unknown) => string;

const keyName = (key: unknown): string => (isScalar(key) ? String(key.value) : '?');

/** Pure: the file's text in, the contexts out, or one line naming the file, the line and the key. */
export const parseConfigFile = (text: string, path: string): ConfigFileResult => {
	const lines = new LineCounter();
	const document = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true});
	const lineOf = (node: unknown): number => (isNode(node) && node.range ? lines.linePos(node.range[0]).line : 1);
	const where: Where = node => `${path}:${lineOf(node)}`;
	const syntax = document.errors[0];
	if (syntax !== undefined) {
		const {line} = lines.linePos(syntax.pos[0]);
		return {ok: false, message: `${path}:${line}: not valid YAML: ${syntax.message.split('\n')[0]!}`};
	}

	try {
		return {ok: true, value: readRoot(document.contents, path, where, lineOf)};
	} catch (error: unknown) {
		if (error instanceof ConfigError) {
			return {ok: false, message: error.message};
		}

		throw error;
	}
};

const readRoot = (root: unknown, path: string, where: Where, lineOf: (node: unknown) => number): ConfigFile => {
	if (!isMap(root)) {
		throw new ConfigError(`${where(root)}: expected a mapping with "contexts:" (see the README's Contexts section)`);
	}

	let contexts: ContextSpec[] | undefined;
	let current: string | undefined;
	for (const pair of root.items) {
		const key = keyName(pair.key);
		const node = pair.value ?? pair.key;
		if (key === 'contexts') {
			if (!isSeq(pair.value) || pair.value.items.length === 0) {
				throw new ConfigError(`${where(node)}: contexts: expected a list of contexts`);
			}

			contexts = pair.value.items.map(item => readContext(item, where, lineOf));
		} else if (key === 'current') {
			current = readString(pair.value, `${where(node)}: current`);
		} else {
			throw new ConfigError(`${where(pair.key)}: ${key}: unknown key (known: contexts, current)`);
		}
	}

	if (contexts === undefined) {
		throw new ConfigError(`${path}:1: contexts: missing (a list of contexts)`);
	}

	checkNames(contexts, path);
	if (current !== undefined && !contexts.some(context => context.name === current)) {
		throw new ConfigError(`${path}: current: no context is named "${current}"`);
	}

	return {
		path, contexts, current, hasPlainToken: contexts.some(context => context.token !== undefined),
	};
};

/** The keys a context may have, for messages and tests. */
export const contextKeyNames: readonly string[] = Object.keys(contextKeys);

const isKnownKey = (key: string): key is Exclude<keyof ContextSpec, 'line' | 'keyLines'> => Object.hasOwn(contextKeys, key);

const readContext = (node: unknown, where: Where, lineOf: (node: unknown) => number): ContextSpec => {
	if (!isMap(node)) {
		throw new ConfigError(`${where(node)}: contexts: each context is a mapping with a name`);
	}

	const values = new Map<string, unknown>([['line', lineOf(node)]]);
	const keyLines: Record<string, number> = {};
	for (const pair of node.items) {
		const key = keyName(pair.key);
		if (!isKnownKey(key)) {
			throw new ConfigError(`${where(pair.key)}: ${key}: unknown key (known: ${Object.keys(contextKeys).join(', ')})`);
		}

		values.set(key, readValue(pair.value, contextKeys[key], `${where(pair.value ?? pair.key)}: ${key}`));
		keyLines[key] = lineOf(pair.key);
		if (key === 'name') {
			values.set('line', lineOf(pair.key));
		}
	}

	const at = `${where(node)}: `;
	const name = values.get('name');
	if (typeof name !== 'string') {
		throw new ConfigError(`${at}name: every context needs a name`);
	}

	if (!namePattern.test(name)) {
		throw new ConfigError(`${at}name: "${name.slice(0, 40)}" must be 1–40 letters, digits, '.', '_' or '-'`);
	}

	values.set('keyLines', keyLines);
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- every value was checked against contextKeys above
	const spec = Object.fromEntries(values) as ContextSpec;
	checkContext(spec, at);
	return spec;
};

const checkNames = (contexts: readonly ContextSpec[], path: string): void => {
	const seen = new Set<string>();
	for (const context of contexts) {
		if (context.name === 'all') {
			throw new ConfigError(`${path}:${context.line}: name: "all" is reserved (--context all picks every context)`);
		}

		if (seen.has(context.name)) {
			throw new ConfigError(`${path}:${context.line}: name: "${context.name}" is used twice`);
		}

		seen.add(context.name);
	}
};
