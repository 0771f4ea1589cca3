import {Buffer} from 'node:buffer';
import {createHash, timingSafeEqual} from 'node:crypto';

/**
Milvus checks `Authorization` only when `common.security.authorizationEnabled` is on (docs/milvus-rest.md#headers):
HTTP Basic, or `Bearer user:password` split at the first colon. A Bearer without a colon is an API
key, which plain Milvus cannot verify: 401 too. With auth off the header is ignored entirely.
*/

export type Credentials = {readonly user: string; readonly password: string};

export const unauthenticated = {code: 1800, message: 'user hasn\'t authenticated'} as const;

const split = (text: string): Credentials | undefined => {
	const colon = text.indexOf(':');
	return colon === -1 ? undefined : {user: text.slice(0, colon), password: text.slice(colon + 1)};
};

export const parseAuthorization = (header: string | undefined): Credentials | undefined => {
	const match = /^(basic|bearer)\s+(.+)$/iv.exec(header?.trim() ?? '');
	if (!match) {
		return undefined;
	}

	const [, scheme, value] = match;
	return scheme!.toLowerCase() === 'basic' ? split(Buffer.from(value!, 'base64').toString('utf8')) : split(value!);
};

// Hash first so the comparison takes the same time whatever the lengths.
export const same = (a: string, b: string): boolean => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** True when the request may pass: auth is off, or the header carries exactly the configured credentials. */
export const isAuthorized = (expected: Credentials | undefined, header: string | undefined): boolean => {
	if (!expected) {
		return true;
	}

	const given = parseAuthorization(header);
	// Evaluate both comparisons so a wrong user name does not answer faster than a wrong password.
	const userOk = same(given?.user ?? '', expected.user);
	const passwordOk = same(given?.password ?? '', expected.password);
	return given !== undefined && userOk && passwordOk;
};

/** `user:password` from the command line (`--auth root:Milvus`); undefined when there is no colon or no user. */
export const parseCredentials = (text: string): Credentials | undefined => {
	const credentials = split(text);
	return credentials && credentials.user.length > 0 ? credentials : undefined;
};
