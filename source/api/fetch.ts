/**
The HTTP stack of every client: the `undici` package's dispatcher API (`dispatcher.request`) with its own
`Agent`, pinned in package.json and bundled, instead of cross-fetch (node-fetch 2 calls `url.parse`,
which Node 24+ reports as DEP0169 on stderr) or Node's global `fetch`. Node's global fetch is undici 6
on Node 20/22, 7 on 24 and 8 on 26; TLS options and proxies are given as a dispatcher, and a dispatcher
from one undici major inside another major's fetch is not a supported pairing. One undici gives the same
behaviour, the same error shapes and the same TLS/proxy options on every Node.
Not undici's `fetch` either, though the clients speak its shape (`Fetch` below, which WHATWG fetch also
fits: tests inject Node's own): fetch builds a Request, a Response, Headers and web streams around each
exchange, and those were a third of what a quiet 13-job poll costs (a CPU profile; README › Performance).
`request` hands over the status, the headers and a Node stream of the body. What fetch did besides, the
clients never used: it followed no redirect here either (`redirect: 'manual'`), asked for no
compression the clients needed, and it refused the WHATWG "bad ports" (6000, 6665–6669…) a Milvus may
well listen on.
*/
import {setFlagsFromString} from 'node:v8';
import {Agent, type Dispatcher} from 'undici';

/** One POST as `post` (http.ts) sends it. */
export type FetchInit = {
	readonly method: 'POST';
	readonly headers: Readonly<Record<string, string>>;
	readonly body: string;
	readonly redirect: 'manual';
	readonly signal: AbortSignal;
};

/** The answer as `post` reads it: a WHATWG Response has this shape too. */
export type FetchAnswer = {
	readonly status: number;
	readonly headers: {get(name: string): string | null}; // eslint-disable-line @typescript-eslint/no-restricted-types -- WHATWG Headers.get's null
	/** The body as an async iterable of bytes (a web stream or a Node stream); null when there is none. */
	readonly body: unknown;
	text(): Promise<string>;
};

/** What the clients send with: WHATWG fetch fits it (tests inject Node's own or a fake one). */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchAnswer>;

let firstCall = true;

/**
Node 20 only (V8 11.3): once undici has compiled its HTTP parser (llhttp, WebAssembly) on the first
connection, the process takes 0.1–0.5 s longer to exit, V8's background work on that module being
waited for at exit (Node 22+ does not wait; Node's own fetch on Node 20 does the same). `--once` and
`--json` feel it. The parser is compiled to baseline code only, during the first request; the flag is
restored as soon as it settles, so wasm compiled later (yoga's, for the live screen) is not affected.
*/
const baselineWasmDuringFirstCall = async <T>(call: () => Promise<T>): Promise<T> => {
	if (!firstCall || !process.versions.node.startsWith('20.')) {
		return call();
	}

	firstCall = false;
	setFlagsFromString('--liftoff-only');
	try {
		return await call();
	} finally {
		setFlagsFromString('--no-liftoff-only');
	}
};

/** A header's value from undici's raw headers (names lower-cased; a repeated header is an array). */
const headerValue = (headers: Record<string, string | string[] | undefined>, name: string): string | null => { // eslint-disable-line @typescript-eslint/no-restricted-types -- as WHATWG Headers.get
	const value = headers[name.toLowerCase()];
	if (value === undefined) {
		return null;
	}

	return Array.isArray(value) ? value.join(', ') : value;
};

/**
Sends every request through `dispatcher` (an undici Agent, ProxyAgent…). The dispatcher is always
explicit: undici's default is a process-wide one shared, by a global symbol, with Node's own fetch,
which on Node 24/26 may be another undici major's Agent. The signal aborts the exchange, body included
(the body stream ends with the signal's reason).
*/
export const createFetch = (dispatcher: Dispatcher): Fetch => async (url, init) => {
	const target = new URL(url);
	const answer = await baselineWasmDuringFirstCall(async () => dispatcher.request({
		origin: target.origin,
		path: `${target.pathname}${target.search}`,
		method: init.method,
		headers: init.headers,
		body: init.body,
		signal: init.signal,
	}));
	const {body} = answer;
	return {
		status: answer.statusCode,
		headers: {get: name => headerValue(answer.headers, name)},
		body,
		text: async () => body.text(),
	};
};

let shared: Fetch | undefined;

/** The default fetch: plain HTTP(S) with Node's default trust store, one connection pool per process. */
export const defaultFetch: Fetch = async (input, init) => {
	shared ??= createFetch(new Agent());
	return shared(input, init);
};
