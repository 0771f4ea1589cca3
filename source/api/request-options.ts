/**
What every request carries: headers, timeouts, and the two safety helpers (an address fit to
print, and a redactor that keeps the token out of any text we show).
*/
import {sanitize} from './sanitize.js';

/**
`Request-Timeout` is whole seconds (Milvus ignores anything else, 3.0 rejects it with 1100); the
client's deadline is a little later so the server's own 408 normally wins, yet a hung server is
abandoned and the next poll can run.
*/
export const timing = (timeoutMs: number): {readonly requestTimeoutSeconds: number; readonly deadlineMs: number} => {
	const safe = Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 30_000;
	const requestTimeoutSeconds = Math.max(1, Math.ceil(safe / 1000));
	const grace = Math.min(2000, Math.max(200, Math.round(safe / 10)));
	return {requestTimeoutSeconds, deadlineMs: (requestTimeoutSeconds * 1000) + grace};
};

/** Visible ASCII only: anything else cannot travel in an HTTP header (and undici would quote it in its error). */
export const isHeaderSafe = (value: string): boolean => /^[\u0020-\u007E]*$/v.test(value);

export const requestHeaders = (options: {readonly token: string | undefined; readonly dbName: string | undefined; readonly requestTimeoutSeconds: number}): Record<string, string> => {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		Accept: 'application/json',
		'Request-Timeout': String(options.requestTimeoutSeconds),
	};
	if (options.token !== undefined && options.token !== '') {
		headers['Authorization'] = `Bearer ${options.token}`;
	}

	// Describe reads the database only from this header (its body has no dbName); RBAC checks it (pymilvus#3413).
	if (options.dbName !== undefined && options.dbName !== '') {
		headers['DB-Name'] = options.dbName;
	}

	return headers;
};

const withoutCredentials = (base: string): URL | undefined => {
	try {
		const url = new URL(base);
		url.username = '';
		url.password = '';
		return url;
	} catch {
		return undefined;
	}
};

/** The base address without any `user:password@`, or undefined when it is not an http(s) URL. */
export const parseBase = (base: string): URL | undefined => {
	const url = withoutCredentials(base);
	return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
};

/** The address as messages show it: no credentials, no trailing slash, printable. */
export const displayUri = (base: string): string => {
	const url = parseBase(base);
	// Not http(s): `root:pw@host` would parse as scheme `root:`, so cut any userinfo by hand.
	const shown = url === undefined ? base.replace(/^([a-z][a-z\d+.\-]*:\/\/)?[^\/]*@/iv, '$1') : url.href.replace(/\/$/v, '');
	return sanitize(shown, 200);
};

/** Replaces the token (and the password part of `user:password`) in text meant for people. */
export const makeRedactor = (token: string | undefined): ((text: string) => string) => {
	if (token === undefined || token === '') {
		return text => text;
	}

	const password = token.includes(':') ? token.slice(token.indexOf(':') + 1) : '';
	const secrets = [token, ...(password.length >= 4 ? [password] : [])];
	return text => {
		let result = text;
		for (const secret of secrets) {
			result = result.replaceAll(secret, '***');
		}

		return result;
	};
};
