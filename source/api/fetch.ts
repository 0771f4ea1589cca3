/**
The HTTP stack of every client: the `undici` package's own `fetch` with its own `Agent`, pinned in
package.json and bundled, instead of cross-fetch (node-fetch 2 calls `url.parse`, which Node 24+
reports as DEP0169 on stderr) or Node's global `fetch`. Node's global fetch is undici 6 on Node 20/22,
7 on 24 and 8 on 26; TLS options and proxies are given to fetch as a `dispatcher`, and a dispatcher
from one undici major inside another major's fetch is not a supported pairing. One undici for fetch and
dispatcher gives the same behaviour, the same error shapes and the same TLS/proxy options on every Node.
*/
import {performance} from 'node:perf_hooks';
import {setFlagsFromString} from 'node:v8';
import {Agent, fetch as undiciFetch, type Dispatcher} from 'undici';

/** The fetch the clients call: the WHATWG signature (tests inject Node's own fetch or a fake one). */
export type Fetch = typeof globalThis.fetch;

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

/**
A fetch that sends every request through `dispatcher` (an undici Agent, ProxyAgent…). The dispatcher is
always explicit: undici's default is a process-wide one shared, by a global symbol, with Node's own
fetch, which on Node 24/26 may be another undici major's Agent.
*/
export const createFetch = (dispatcher: Dispatcher): Fetch => {
	const call = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		if (typeof input !== 'string' && !(input instanceof URL)) {
			throw new TypeError('fetch: pass a URL and options, not a Request'); // The clients never do; a Request from Node's undici is not undici 7's.
		}

		// undici's fetch reports every exchange to Node's performance timeline, which keeps the last 250 of them
		// (PerformanceResourceTiming entries, with their URLs) for the life of the process; nothing here reads them.
		performance.clearResourceTimings();
		// The two undici majors' type declarations differ in details the clients never touch (their
		// RequestInit and Response are the same WHATWG shapes); the cast bridges the declarations only.
		const response = await baselineWasmDuringFirstCall(async () => undiciFetch(input, {...init as Parameters<typeof undiciFetch>[1], dispatcher})); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- see above
		return response as unknown as Response; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- see above
	};

	return call;
};

let shared: Fetch | undefined;

/** The default fetch: plain HTTP(S) with Node's default trust store, one connection pool per process. */
export const defaultFetch: Fetch = async (input, init) => {
	shared ??= createFetch(new Agent());
	return shared(input, init);
};
