import type {Job, JobDetail} from '../model/jobs/job.js';
import type {Result} from '../model/jobs/result.js';

export type {ApiError, Result} from '../model/jobs/result.js';

export type RequestOptions = {
	readonly signal?: AbortSignal;
};

export type ListOptions = RequestOptions & {
	readonly collectionName?: string;
	readonly dbName?: string;
};

/** What the UI and the script modes need from a server. Implemented for Milvus (client.ts) and the Zilliz Cloud control plane (cloud-client.ts). */
export type ImportClient = {
	listImportJobs(options?: ListOptions): Promise<Result<readonly Job[]>>;
	describeImportJob(jobId: string, options?: RequestOptions & {readonly dbName?: string}): Promise<Result<JobDetail>>;
	listCollections(dbName?: string, options?: RequestOptions): Promise<Result<readonly string[]>>;
	/** `not-supported` on Milvus 2.4 (no databases/list route). */
	listDatabases(options?: RequestOptions): Promise<Result<readonly string[]>>;
};
