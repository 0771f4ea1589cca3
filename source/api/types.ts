import type {Job, JobDetail} from '../model/jobs/job.js';
import type {Result} from '../model/jobs/result.js';

export type {ApiError, Credential, Result} from '../model/jobs/result.js';

export type RequestOptions = {
	readonly signal?: AbortSignal;
};

/** With several contexts (api/contexts-hub.ts): the one context asked about; undefined: all. A single server ignores it. */
export type ContextOptions = RequestOptions & {readonly context?: string};

export type ListOptions = ContextOptions & {
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
	listCollections(dbName?: string, options?: ContextOptions): Promise<Result<readonly string[]>>;
	/** `not-supported` on Milvus 2.4 (no databases/list route). */
	listDatabases(options?: ContextOptions): Promise<Result<readonly string[]>>;
	/**
	Whether the server has `jobs/import/describe` (Milvus 2.4.13+, Zilliz' getProgress): undefined until a
	describe was tried. The background detail fetcher asks nothing of a server without it. `jobId`: the
	server of that job (several contexts: the job's context's; a single server ignores it).
	*/
	hasDescribe?(jobId?: string): boolean | undefined;
	/** Which version family the server is, from which routes it has (read-only probes); absent: never known (Zilliz Cloud). */
	detectVersion?(options?: RequestOptions): Promise<ServerVersion>;
};
