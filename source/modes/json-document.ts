import type {Job} from '../model/jobs/job.js';

/**
The `--json` shape, version 1. Stable for scripts: keys are always present, `jobId` is always a
string (Milvus ids exceed 2^53), `progress` is a number or null (null: the server sent none, as
Zilliz Cloud list records may), and `reason` is '' when there is none.
*/
export type JsonJob = {
	readonly jobId: string;
	readonly collectionName: string;
	readonly state: string;
	readonly progress: number | null; // eslint-disable-line @typescript-eslint/no-restricted-types -- JSON has no undefined
	readonly reason: string;
};

export type JsonDocument = {
	readonly version: 1;
	/** ISO 8601, when the list was fetched. */
	readonly generatedAt: string;
	/** Server address without credentials. */
	readonly uri: string;
	readonly dbName: string | null; // eslint-disable-line @typescript-eslint/no-restricted-types -- JSON has no undefined
	readonly collections: readonly string[];
	readonly count: number;
	readonly jobs: readonly JsonJob[];
};

export type JsonMeta = {
	readonly at: number;
	readonly uri: string;
	readonly dbName: string | undefined;
	readonly collections: readonly string[];
};

export const toJsonJob = (job: Job): JsonJob => ({
	jobId: String(job.jobId),
	collectionName: job.collectionName,
	state: job.state,
	progress: job.progress ?? null,
	reason: job.reason,
});

export const jsonDocument = (jobs: readonly Job[], meta: JsonMeta): JsonDocument => ({
	version: 1,
	generatedAt: new Date(meta.at).toISOString(),
	uri: meta.uri,
	dbName: meta.dbName ?? null,
	collections: meta.collections,
	count: jobs.length,
	jobs: jobs.map(job => toJsonJob(job)),
});
