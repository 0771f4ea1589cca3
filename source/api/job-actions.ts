/**
The two requests that change a job: commit and abort (Milvus 3.0+, docs/milvus-rest.md "Commit and
abort"). Kept apart from the read-only ImportClient on purpose: `--read-only` builds no JobActions
at all, so no code path of the app holds anything that could send one of them.
Like the client, nothing here throws; every outcome is a value.
*/
import type {ApiError} from './types.js';
import {post} from './http.js';
import {createTransport, type TlsMaterial} from './transport.js';
import {parseEnvelope} from './parse.js';
import {classifyResponse, redactEnvelope, withCredentialSource} from './response.js';
import {
	displayUri, isHeaderSafe, makeRedactor, parseBase, requestHeaders, timing,
} from './request-options.js';

export const jobActions = ['commit', 'abort'] as const;
export type JobAction = (typeof jobActions)[number];

export const actionEndpoints: Readonly<Record<JobAction, string>> = {
	commit: '/v2/vectordb/jobs/import/commit',
	abort: '/v2/vectordb/jobs/import/abort',
};

/**
What came of one request. `refused` is Milvus saying no (an HTTP 200 envelope with a code: the job
is not Uncommitted, auto_commit=true, unknown id); `no-route` is an HTTP 404, the answer of every
Milvus before 3.0; `failed` is everything that kept the question from being answered.
*/
export type ActionOutcome
	= | {readonly kind: 'accepted'}
		| {readonly kind: 'refused'; readonly code: number; readonly message: string}
		| {readonly kind: 'no-route'}
		| {readonly kind: 'failed'; readonly error: ApiError};

export type ActionRequest = {
	readonly jobId: string;
	/** The job's database, when the view is scoped to one; else the connection's --db. */
	readonly dbName?: string;
	readonly signal?: AbortSignal;
};

export type JobActions = {
	readonly send: (action: JobAction, request: ActionRequest) => Promise<ActionOutcome>;
};

export type JobActionsOptions = {
	readonly uri: string;
	readonly token?: string;
	readonly dbName?: string;
	readonly timeoutMs: number;
	/** Where the token came from: a refusal's hint names it (as the client's do). */
	readonly credentialSource?: string;
	/** TLS trust and identity, and the proxy: the same as the client's (transport.ts). */
	readonly transport?: TlsMaterial;
	/** For tests; defaults to undici's fetch through the transport's dispatcher. */
	readonly fetch?: typeof fetch;
};

/** Job ids are decimal int64 on Milvus (Milvus answers anything else with 1100): the subcommands check before sending. */
export const isMilvusJobId = (jobId: string): boolean => /^\d{1,19}$/v.test(jobId);

export const toOutcome = (error: ApiError): ActionOutcome => {
	if (error.kind === 'milvus') {
		return {kind: 'refused', code: error.code, message: error.message};
	}

	return error.kind === 'not-supported' ? {kind: 'no-route'} : {kind: 'failed', error};
};

export const createJobActions = (options: JobActionsOptions): JobActions => {
	const transport = createTransport(options.transport, options.fetch);
	const sentFrom = options.token === undefined || options.token === '' ? '' : options.credentialSource;
	// A refused credential's hint names where the token came from, as the client's errors do.
	const failed = (error: ApiError): ActionOutcome => {
		const named = withCredentialSource<never>({ok: false, error}, sentFrom);
		return toOutcome(named.ok ? error : named.error);
	};

	const base = options.uri.trim().replace(/\/+$/v, '');
	const shownUri = displayUri(base);
	const redact = makeRedactor(options.token);
	const {requestTimeoutSeconds, deadlineMs} = timing(options.timeoutMs);

	return {
		async send(action, request) {
			if (parseBase(base) === undefined) {
				return {kind: 'failed', error: {kind: 'unreachable', detail: `${shownUri} (not an http:// or https:// address)`}};
			}

			if (options.token !== undefined && !isHeaderSafe(options.token)) {
				return {kind: 'failed', error: {kind: 'unauthorized', code: undefined, message: 'the token has characters an HTTP header cannot carry'}};
			}

			const endpoint = actionEndpoints[action];
			const dbName = request.dbName ?? options.dbName;
			const raw = await post({
				fetch: transport.fetch,
				sentClientCert: transport.sentClientCert,
				proxy: transport.proxy,
				probe: transport.probe,
				url: base + endpoint,
				displayUri: shownUri,
				headers: requestHeaders({token: options.token, dbName, requestTimeoutSeconds}),
				// The id travels as a string: a JSON number is refused (1801) and loses digits above 2^53.
				body: dbName === undefined || dbName === '' ? {jobId: request.jobId} : {jobId: request.jobId, dbName},
				deadlineMs,
				timeoutMs: options.timeoutMs,
				signal: request.signal,
			});
			if (!raw.ok) {
				return failed(raw.error);
			}

			const json = classifyResponse(raw.value, {endpoint, timeoutMs: options.timeoutMs, redact});
			if (!json.ok) {
				return failed(json.error);
			}

			const envelope = parseEnvelope(json.value);
			return envelope.ok ? {kind: 'accepted'} : failed(redactEnvelope(envelope.error, redact));
		},
	};
};
