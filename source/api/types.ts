import type {Job, JobDetail} from '../model/job.js';

/**
Every way a request can go wrong, as a value. Nothing the server sends makes the client throw.
`describeError` (errors.ts) turns each into one line a person can act on.
*/
export type ApiError
	= | {readonly kind: 'unreachable'; readonly detail: string} // Refused, reset, DNS
		| {readonly kind: 'timeout'; readonly afterMs: number}
		| {readonly kind: 'aborted'}
		// HTTP 401, or (`inEnvelope`) an HTTP 200 envelope with a credentials code, 1800 or 1400 (envelope-error.ts)
		// `source`: where the credential came from (`--user`, `MILVUS_TOKEN`, …), for the hint; '' when none was sent
		| {readonly kind: 'unauthorized'; readonly code: number | undefined; readonly message: string; readonly inEnvelope?: boolean; readonly source?: string}
		// HTTP 403, or (`inEnvelope`) an HTTP 200 envelope with code 1401
		| {readonly kind: 'forbidden'; readonly code: number | undefined; readonly message: string; readonly inEnvelope?: boolean}
		| {readonly kind: 'not-supported'; readonly endpoint: string} // HTTP 404: route not on this server version
		// Any other non-2xx; `retryAfterMs`: the server's Retry-After (429, 503), when it sent one
		| {readonly kind: 'http'; readonly status: number; readonly message: string; readonly retryAfterMs?: number}
		| {readonly kind: 'not-json'; readonly status: number; readonly title: string; readonly retryAfterMs?: number} // A proxy's HTML page, etc.
		| {readonly kind: 'bad-shape'; readonly detail: string} // JSON, but not what Milvus sends
		| {readonly kind: 'milvus'; readonly code: number; readonly message: string}; // Milvus error envelope (HTTP 200)

export type Result<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: ApiError};

export type RequestOptions = {
	readonly signal?: AbortSignal;
};

export type ListOptions = RequestOptions & {
	readonly collectionName?: string;
	readonly dbName?: string;
};

/**
Which progress weights the server uses (model/rates.ts), as far as routes tell: 2.4.0–2.4.12 (no describe),
2.4.13+ (describe, no databases/list), 2.5+ (both). 'unknown' when the probe failed or the server cannot say.
*/
export type ServerVersion = '2.4.0' | '2.4.13' | '2.5' | 'unknown';

/** What the UI and the script modes need from a server. Implemented for Milvus (client.ts) and the Zilliz Cloud control plane (cloud-client.ts). */
export type ImportClient = {
	listImportJobs(options?: ListOptions): Promise<Result<readonly Job[]>>;
	describeImportJob(jobId: string, options?: RequestOptions & {readonly dbName?: string}): Promise<Result<JobDetail>>;
	listCollections(dbName?: string, options?: RequestOptions): Promise<Result<readonly string[]>>;
	/** `not-supported` on Milvus 2.4 (no databases/list route). */
	listDatabases(options?: RequestOptions): Promise<Result<readonly string[]>>;
	/** Which version family the server is, from which routes it has (read-only probes); absent: never known (Zilliz Cloud). */
	detectVersion?(options?: RequestOptions): Promise<ServerVersion>;
};
