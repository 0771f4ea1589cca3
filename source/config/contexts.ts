import type {ConfigFile, ContextSpec} from './config-file.js';

export type ContextChoice = {readonly ok: true; readonly value: readonly ContextSpec[]} | {readonly ok: false; readonly message: string};

/**
Which contexts to watch: `--context all` → every one; `--context a,b` → those, in that order; no `--context` →
`current:`, else the file's only context. Several contexts and no `current:` is a usage error, not a guess.
*/
export const chooseContexts = (file: ConfigFile, wanted: readonly string[]): ContextChoice => {
	const names = file.contexts.map(context => context.name);
	if (wanted.includes('all')) {
		return {ok: true, value: file.contexts};
	}

	if (wanted.length === 0) {
		const name = file.current ?? (file.contexts.length === 1 ? file.contexts[0]!.name : undefined);
		return name === undefined
			? {ok: false, message: `${file.path} has ${names.length} contexts and no "current:": pick with --context NAME or --context all (${names.join(', ')})`}
			: {ok: true, value: file.contexts.filter(context => context.name === name)};
	}

	const unknown = wanted.find(name => !names.includes(name));
	if (unknown !== undefined) {
		return {ok: false, message: `unknown context "${unknown.slice(0, 40)}" (${file.path} has ${names.join(', ')})`};
	}

	return {ok: true, value: [...new Set(wanted)].map(name => file.contexts.find(context => context.name === name)!)};
};

export type ContextToken = {readonly kind: 'none'} | {readonly kind: 'value'; readonly token: string; readonly source: string}
	| {readonly kind: 'file'; readonly path: string; readonly source: string};

/** Where a context's token comes from, named for messages ("tokenEnv STAGING_MILVUS_TOKEN of context staging"); never the token. */
export const contextToken = (spec: ContextSpec, env: Readonly<Record<string, string | undefined>>): ContextToken | {readonly kind: 'error'; readonly message: string} => {
	if (spec.token !== undefined) {
		return {kind: 'value', token: spec.token, source: `token of context ${spec.name}`};
	}

	if (spec.tokenEnv !== undefined) {
		const value = env[spec.tokenEnv]?.trim();
		return value === undefined || value === ''
			? {kind: 'error', message: `context ${spec.name}: the environment variable ${spec.tokenEnv} (tokenEnv) is not set`}
			: {kind: 'value', token: value, source: `${spec.tokenEnv} (tokenEnv of context ${spec.name})`};
	}

	if (spec.tokenFile !== undefined) {
		return {kind: 'file', path: spec.tokenFile, source: `tokenFile of context ${spec.name}`};
	}

	return {kind: 'none'};
};
