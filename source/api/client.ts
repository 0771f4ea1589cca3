/**
The Milvus REST v2 client for self-hosted Milvus (2.4 → 3.0). Every method resolves to a Result;
nothing throws out of it, whatever the server or network does.
*/
import {createTransport, type TlsMaterial} from './transport.js';
import type {ImportClient, Result, ServerVersion} from './types.js';
import {post} from './http.js';
import {
	parseDescribeResponse, parseListResponse, parseStringList,
} from './parse.js';
import {classifyResponse, redactEnvelope, withCredentialSource} from './response.js';
import {createListReader} from './list-records.js';
import {createBodyBuffer, type BodySink} from './body-buffer.js';
import {
	displayUri, isHeaderSafe, makeRedactor, parseBase, requestHeaders, timing,
} from './request-options.js';

export type MilvusClientOptions = {
	/** Base URL, e.g. `http://localhost:19530` (a path prefix behind a proxy is kept). */
	readonly uri: string;
	/** `user:password` or an API key; sent only as `Authorization: Bearer`, never printed. */
	readonly token?: string;
	/** The database chosen with --db; undefined: the server default. */
	readonly dbName?: string;
	/** Server-side budget per request; the client gives up a little later. */
	readonly timeoutMs: number;
	/** Where the token came from (`--user`, `the URI`, `MILVUS_TOKEN`…): a refusal's hint names it. */
	readonly credentialSource?: string;
	/** TLS trust and identity, and the proxy (transport.ts); default: the system's CAs, direct. */
	readonly transport?: TlsMaterial;
	/** For tests; defaults to undici's fetch (fetch.ts) through the transport's dispatcher. */
	readonly fetch?: typeof fetch;
};

export const endpoints = {
	list: '/v2/vectordb/jobs/import/list',
	describe: '/v2/vectordb/jobs/import/describe',
	getProgress: '/v2/vectordb/jobs/import/get_progress',
	collections: '/v2/vectordb/collections/list',
	databases: '/v2/vectordb/databases/list',
} as const;

type Call = {
	readonly endpoint: string;
	readonly body: Readonly<Record<string, string>>;
	readonly dbName: string | undefined;
	readonly signal: AbortSignal | undefined;
	/** Reads a 2xx answer from its bytes, or says undefined: then it is read the plain way. */
	readonly fromBytes?: (bytes: Uint8Array) => Result<unknown> | undefined;
};

/** Omits `dbName` when none is chosen, so the server applies its own default. */
const withDb = (body: Readonly<Record<string, string | undefined>>): Record<string, string> =>
	Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));

export const createMilvusClient = (options: MilvusClientOptions): ImportClient => {
	const transport = createTransport(options.transport, options.fetch);
	const base = options.uri.trim().replace(/\/+$/v, '');
	const shownUri = displayUri(base);
	const redact = makeRedactor(options.token);
	const {requestTimeoutSeconds, deadlineMs} = timing(options.timeoutMs);
	// '' when no credential is sent: the hint then says one is needed.
	const sentFrom = options.token === undefined || options.token === '' ? '' : options.credentialSource;
	/** Set once describe answers 404 (Milvus < 2.4.13): from then on, ask get_progress directly. */
	let describeMissing = false;
	/** The last list answer's records, so the next one parses only what changed (list-records.ts). */
	const readList = createListReader();
	const listBody = createBodyBuffer();

	// Checked per call, not at construction: the factory must not throw either.
	const invalid = (): Result<never> | undefined => {
		if (parseBase(base) === undefined) {
			return {ok: false, error: {kind: 'unreachable', detail: `${shownUri} (not an http:// or https:// address)`}};
		}

		if (options.token !== undefined && !isHeaderSafe(options.token)) {
			return {ok: false, error: {kind: 'unauthorized', code: undefined, message: 'the token has characters an HTTP header cannot carry'}};
		}

		return undefined;
	};

	const call = async <T>(request: Call, parse: (body: unknown) => Result<T>): Promise<Result<T>> =>
		withCredentialSource(await callUnnamed(request, parse), sentFrom);

	const callUnnamed = async <T>(request: Call, parse: (body: unknown) => Result<T>): Promise<Result<T>> => {
		const problem = invalid();
		if (problem !== undefined) {
			return problem;
		}

		/** The client's body buffer, when this call was lent it. */
		let lent: BodySink | undefined;
		try {
			const raw = await post({
				fetch: transport.fetch,
				sentClientCert: transport.sentClientCert,
				proxy: transport.proxy,
				probe: transport.probe,
				url: base + request.endpoint,
				displayUri: shownUri,
				headers: requestHeaders({token: options.token, dbName: request.dbName, requestTimeoutSeconds}),
				body: request.body,
				deadlineMs,
				timeoutMs: options.timeoutMs,
				signal: request.signal,
				bodyInto: request.fromBytes === undefined
					? undefined
					: () => {
						lent = listBody.lease();
						return lent;
					},
			});
			if (!raw.ok) {
				return raw;
			}

			const {bytes, status} = raw.value;
			const fast = bytes !== undefined && status >= 200 && status < 300 ? request.fromBytes?.(bytes) : undefined;
			if (fast !== undefined) {
				return fast as Result<T>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the list call pairs its reader with its parser
			}

			const json = classifyResponse(raw.value, {endpoint: request.endpoint, timeoutMs: options.timeoutMs, redact});
			if (!json.ok) {
				return json;
			}

			const parsed = parse(json.value);
			return parsed.ok ? parsed : {ok: false, error: redactEnvelope(parsed.error, redact)};
		} catch (error) { // Only a bug can get here; still a value, never a throw.
			return {ok: false, error: {kind: 'bad-shape', detail: redact(`could not read the answer: ${String(error)}`).slice(0, 200)}};
		} finally {
			// Everything above read the lent body before this point; nothing keeps it.
			if (lent !== undefined) {
				listBody.release();
			}
		}
	};

	let describeSeen = false;
	return {
		hasDescribe: () => (describeMissing ? false : (describeSeen ? true : undefined)),

		async listImportJobs(listOptions = {}) {
			const dbName = listOptions.dbName ?? options.dbName;
			const body = withDb({dbName, collectionName: listOptions.collectionName});
			return call({
				endpoint: endpoints.list, body, dbName, signal: listOptions.signal, fromBytes: readList,
			}, parseListResponse);
		},

		async describeImportJob(jobId, describeOptions = {}) {
			const request = {
				body: {jobId},
				dbName: describeOptions.dbName ?? options.dbName, // Describe reads the DB from the header only (docs/milvus-rest.md#describe).
				signal: describeOptions.signal,
			};
			const parse = (body: unknown) => parseDescribeResponse(body, jobId);
			if (!describeMissing) {
				const result = await call({...request, endpoint: endpoints.describe}, parse);
				if (result.ok || result.error.kind !== 'not-supported') {
					describeSeen ||= result.ok || result.error.kind === 'milvus'; // The route answered.
					return result;
				}

				describeMissing = true;
			}

			return call({...request, endpoint: endpoints.getProgress}, parse);
		},

		async listCollections(dbName, requestOptions = {}) {
			const database = dbName ?? options.dbName;
			return call({
				endpoint: endpoints.collections, body: withDb({dbName: database}), dbName: database, signal: requestOptions.signal,
			}, parseStringList);
		},

		async listDatabases(requestOptions = {}) {
			return call({
				endpoint: endpoints.databases, body: {}, dbName: undefined, signal: requestOptions.signal,
			}, parseStringList);
		},

		/**
		Two read-only probes (docs/milvus-rest.md#progress): databases/list arrived in 2.5, describe in
		2.4.13. Describe is asked about job "0", which no server has: any answer but 404 means the route exists.
		*/
		async detectVersion(requestOptions = {}): Promise<ServerVersion> {
			const databases = await call({
				endpoint: endpoints.databases, body: {}, dbName: undefined, signal: requestOptions.signal,
			}, parseStringList);
			if (databases.ok) {
				return '2.5';
			}

			if (databases.error.kind !== 'not-supported') {
				return 'unknown';
			}

			const describe = await call({
				endpoint: endpoints.describe, body: {jobId: '0'}, dbName: undefined, signal: requestOptions.signal,
			}, body => parseDescribeResponse(body, '0'));
			if (!describe.ok && describe.error.kind === 'not-supported') {
				describeMissing = true;
				return '2.4.0';
			}

			return describe.ok || describe.error.kind === 'milvus' ? '2.4.13' : 'unknown';
		},
	};
};
