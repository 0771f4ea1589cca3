/**
Turn what a user typed for `--uri` / `MILVUS_URI` into a base URL the client can use.

The Milvus docs write `MILVUS_URI=localhost:19530`, so a bare `host:port` must work; SDKs also accept
`http://user:password@host:19530`, whose credentials we move into the token so the URI can be shown.
*/
export type NormalizedUri = {
	/** Scheme, host, port and path prefix; never credentials, query or fragment; no trailing slash. */
	readonly uri: string;
	/** `user:password` taken out of the URI, if it had any. */
	readonly token: string | undefined;
};

export type UriResult = {readonly ok: true; readonly value: NormalizedUri} | {readonly ok: false; readonly message: string};

const defaultPort = '19530';
const schemePattern = /^[a-z][a-z\d+.\-]*:\/\//iv;

const decode = (part: string): string => {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
};

/** Never echo the input back: it may hold a password. Only the part before any `@` is safe to show. */
const safeShown = (input: string): string => {
	const at = input.lastIndexOf('@');
	const shown = at === -1 ? input : `…@${input.slice(at + 1)}`;
	return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
};

/** `defaultScheme`: for a bare `host:port` (https when TLS flags are given). */
export const normalizeUri = (input: string, defaultScheme: 'http' | 'https' = 'http'): UriResult => {
	const trimmed = input.trim();
	if (trimmed === '') {
		return {ok: false, message: 'the Milvus URI is empty (expected e.g. http://localhost:19530)'};
	}

	const hasScheme = schemePattern.test(trimmed);
	let url: URL;
	try {
		url = new URL(hasScheme ? trimmed : `${defaultScheme}://${trimmed}`);
	} catch {
		return {ok: false, message: `cannot parse the Milvus URI "${safeShown(trimmed)}" (expected e.g. http://localhost:19530 or localhost:19530)`};
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {ok: false, message: `unsupported scheme "${url.protocol}" in the Milvus URI (use http:// or https://; the REST API shares the gRPC port, 19530 by default)`};
	}

	if (url.hostname === '') {
		return {ok: false, message: `the Milvus URI "${safeShown(trimmed)}" has no host`};
	}

	// `--uri milvus` means the Milvus port, not port 80; with an explicit scheme we respect the user (a proxy).
	if (!hasScheme && url.port === '') {
		url.port = defaultPort;
	}

	const token = url.username === '' && url.password === ''
		? undefined
		: (url.password === '' ? decode(url.username) : `${decode(url.username)}:${decode(url.password)}`);
	url.username = '';
	url.password = '';
	url.search = '';
	url.hash = '';

	const uri = url.toString().replace(/\/+$/v, '');
	return {ok: true, value: {uri, token}};
};
