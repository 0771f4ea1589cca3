import type {Environment, PendingCredential} from './types.js';
import {text as flag, type RawFlags} from './flags.js';
import type {Parsed} from './values.js';

/** `source`: where the credential came from, in the words a refusal's hint uses (`--user`, `MILVUS_TOKEN`…). */
export type Credentials = {readonly token: string | undefined; readonly pending: PendingCredential | undefined; readonly source: string | undefined};

const set = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
Where the token comes from, first match wins: a credential flag (--token, --token-file, --user/--password),
then credentials written into the URI, then MILVUS_TOKEN, then MILVUS_USER/MILVUS_PASSWORD.
Messages here never contain a secret.
*/
export const resolveCredentials = (flags: RawFlags, env: Environment, uriToken: string | undefined): Parsed<Credentials> => {
	const token = flag(flags, 'token');
	if (token !== undefined) {
		return set(token.trim()) ? ok(token.trim(), '--token') : {ok: false, message: '--token is empty'};
	}

	const tokenFile = flag(flags, 'token-file');
	if (tokenFile !== undefined) {
		return set(tokenFile) ? {ok: true, value: {token: undefined, pending: {kind: 'token-file', path: tokenFile}, source: `--token-file ${tokenFile}`}} : {ok: false, message: '--token-file needs a path'};
	}

	const user = flag(flags, 'user');
	const password = flag(flags, 'password');
	if (user === undefined && password !== undefined) {
		return {ok: false, message: '--password needs --user'};
	}

	if (user !== undefined) {
		const typed = env.MILVUS_PASSWORD === undefined ? 'the password typed' : 'MILVUS_PASSWORD';
		const from = password === undefined ? typed : '--password';
		return userPassword(user, password ?? env.MILVUS_PASSWORD, `--user ${user} with ${from}`);
	}

	if (set(uriToken)) {
		return ok(uriToken, 'the user:password in the URI');
	}

	if (set(env.MILVUS_TOKEN?.trim())) {
		return ok(env.MILVUS_TOKEN.trim(), 'MILVUS_TOKEN');
	}

	if (set(env.MILVUS_USER)) {
		return userPassword(env.MILVUS_USER, env.MILVUS_PASSWORD, env.MILVUS_PASSWORD === undefined ? 'MILVUS_USER with the password typed' : 'MILVUS_USER/MILVUS_PASSWORD');
	}

	return ok(undefined, undefined);
};

const ok = (token: string | undefined, source: string | undefined): Parsed<Credentials> => ({ok: true, value: {token, pending: undefined, source}});

const userPassword = (user: string, password: string | undefined, source: string): Parsed<Credentials> => {
	if (!set(user) || user.includes(':')) {
		return {ok: false, message: 'the user name must be non-empty and contain no ":"'};
	}

	// Milvus splits `Bearer user:password` at the first colon, so the password may contain colons.
	return password === undefined
		? {ok: true, value: {token: undefined, pending: {kind: 'password-prompt', user}, source}}
		: ok(`${user}:${password}`, source);
};
