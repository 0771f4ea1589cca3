import type {Environment, PendingCredential} from './types.js';
import {text as flag, type RawFlags} from './flags.js';
import type {Parsed} from './values.js';

export type Credentials = {readonly token: string | undefined; readonly pending: PendingCredential | undefined};

const set = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
Where the token comes from, first match wins: a credential flag (--token, --token-file, --user/--password),
then credentials written into the URI, then MILVUS_TOKEN, then MILVUS_USER/MILVUS_PASSWORD.
Messages here never contain a secret.
*/
export const resolveCredentials = (flags: RawFlags, env: Environment, uriToken: string | undefined): Parsed<Credentials> => {
	const token = flag(flags, 'token');
	if (token !== undefined) {
		return set(token.trim()) ? ok(token.trim()) : {ok: false, message: '--token is empty'};
	}

	const tokenFile = flag(flags, 'token-file');
	if (tokenFile !== undefined) {
		return set(tokenFile) ? {ok: true, value: {token: undefined, pending: {kind: 'token-file', path: tokenFile}}} : {ok: false, message: '--token-file needs a path'};
	}

	const user = flag(flags, 'user');
	const password = flag(flags, 'password');
	if (user === undefined && password !== undefined) {
		return {ok: false, message: '--password needs --user'};
	}

	if (user !== undefined) {
		return userPassword(user, password ?? env.MILVUS_PASSWORD);
	}

	if (set(uriToken)) {
		return ok(uriToken);
	}

	if (set(env.MILVUS_TOKEN?.trim())) {
		return ok(env.MILVUS_TOKEN.trim());
	}

	if (set(env.MILVUS_USER)) {
		return userPassword(env.MILVUS_USER, env.MILVUS_PASSWORD);
	}

	return ok(undefined);
};

const ok = (token: string | undefined): Parsed<Credentials> => ({ok: true, value: {token, pending: undefined}});

const userPassword = (user: string, password: string | undefined): Parsed<Credentials> => {
	if (!set(user) || user.includes(':')) {
		return {ok: false, message: 'the user name must be non-empty and contain no ":"'};
	}

	// Milvus splits `Bearer user:password` at the first colon, so the password may contain colons.
	return password === undefined
		? {ok: true, value: {token: undefined, pending: {kind: 'password-prompt', user}}}
		: ok(`${user}:${password}`);
};
