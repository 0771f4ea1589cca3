import {describeError} from '../api/errors.js';
import type {Job} from '../model/jobs/job.js';
import {statusWord, type ContextsPoll} from './contexts.js';

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

/** With several contexts: each job names its context, and the document lists every context's status. */
export type ContextsJsonDocument = {
	readonly version: 1;
	readonly generatedAt: string;
	readonly contexts: ReadonlyArray<{
		readonly name: string;
		readonly uri: string;
		readonly status: 'ok' | 'unreachable' | 'credentials refused';
		/** One line, or null when the last poll was good. */
		readonly error: string | null; // eslint-disable-line @typescript-eslint/no-restricted-types -- JSON has no undefined
		/** ISO 8601 of the last good answer; null: none yet. */
		readonly lastOkAt: string | null; // eslint-disable-line @typescript-eslint/no-restricted-types -- JSON has no undefined
	}>;
	readonly count: number;
	readonly jobs: ReadonlyArray<JsonJob & {readonly context: string}>;
};

export const contextsJsonDocument = (jobs: readonly Job[], poll: ContextsPoll, at: number): ContextsJsonDocument => ({
	version: 1,
	generatedAt: new Date(at).toISOString(),
	contexts: poll.statuses.map(status => ({
		name: status.name,
		uri: status.uri,
		status: statusWord(status),
		error: status.error === undefined ? null : describeError(status.error),
		lastOkAt: status.lastOkAt === undefined ? null : new Date(status.lastOkAt).toISOString(),
	})),
	count: jobs.length,
	jobs: jobs.map(job => ({context: job.context ?? '', ...toJsonJob(job)})),
});

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
