/**
Milvus REST v2 response bodies (already JSON-parsed) → the app's types. Lenient about what Milvus
versions differ in, strict about what is unsafe: every string goes through `sanitize`.
Wire facts: docs/milvus-rest.md (#envelope, #list, #describe).
*/
import type {FileDetail, Job, JobDetail} from '../model/jobs/job.js';
import type {Result} from './types.js';
import {
	field, isObject, toCount, toNumber, toProgress, type JsonObject,
} from './fields.js';
import {sanitize} from './sanitize.js';
import {mergeDuplicates} from './duplicates.js';
import {envelopeError} from './envelope-error.js';

/**
A record without a state is shown as `None`: that is what Milvus itself reports for a job whose
state it cannot map (docs/milvus-rest.md#states), so the UI needs no extra "blank" state. Progress, by contrast, is
left undefined rather than invented.
*/
export const missingState = 'None';

const badShape = <T>(detail: string): Result<T> => ({ok: false, error: {kind: 'bad-shape', detail}});

const describeType = (value: unknown): string => value === null ? 'null' : (Array.isArray(value) ? 'an array' : typeof value);

/** Success is code 0, and 200 on Milvus 2.4.0–2.4.2 (milvus-io/milvus#35969, PR #33339). Returns `data`. */
export const parseEnvelope = (body: unknown): Result<unknown> => {
	if (!isObject(body)) {
		return badShape(`expected a JSON object, got ${describeType(body)}`);
	}

	const code = toNumber(field(body, 'code'));
	if (code === undefined) {
		return badShape('no "code" in the answer');
	}

	if (code === 0 || code === 200) {
		return {ok: true, value: field(body, 'data')};
	}

	return {ok: false, error: envelopeError(code, sanitize(field(body, 'message')))};
};

type Fields = {
	readonly jobId: unknown;
	readonly collectionName: unknown;
	readonly state: unknown;
	readonly progress: unknown;
	readonly reason: unknown;
};

const toJob = (fields: Fields, fallbackId = ''): Job => {
	const id = fields.jobId;
	const state = sanitize(fields.state) || missingState;
	return {
		// An id is opaque; a JSON number (json.ts already quoted the big ones) becomes its digits.
		jobId: (typeof id === 'string' || typeof id === 'number' ? sanitize(id, 200) : '') || fallbackId,
		collectionName: sanitize(fields.collectionName),
		state,
		// Completed says it all: Zilliz Cloud's list records carry no progress, and it is 100 % anyway.
		progress: state === 'Completed' ? 100 : toProgress(fields.progress),
		reason: sanitize(fields.reason),
	};
};

/**
A record that spells `jobId` exactly (every Milvus since 2.4.0 GA) is read with direct lookups;
only other spellings (`jobID`, pre-GA) pay for the case-insensitive search. Keeps 10k-job polls
cheap: no reader closure per record, and property reads V8 can cache.
*/
const recordJob = (record: JsonObject, fallbackId?: string): Job => {
	const {jobId} = record;
	return toJob(jobId === undefined
		? {
			jobId: field(record, 'jobId'),
			collectionName: field(record, 'collectionName'),
			state: field(record, 'state'),
			progress: field(record, 'progress'),
			reason: field(record, 'reason'),
		}
		: {
			jobId,
			collectionName: record['collectionName'],
			state: record['state'],
			progress: record['progress'],
			reason: record['reason'],
		}, fallbackId);
};

/**
Records that are not objects or have no id are skipped: one bad record must not hide the rest.
Duplicate ids (Milvus never sends them: its jobs live in a map) are passed on; the model keys by id.
*/
export const parseJobs = (records: readonly unknown[]): Job[] => {
	const jobs: Job[] = [];
	for (const record of records) {
		if (!isObject(record)) {
			continue;
		}

		const job = recordJob(record);
		if (job.jobId !== '') {
			jobs.push(job);
		}
	}

	return jobs;
};

export const parseListResponse = (body: unknown): Result<Job[]> => {
	const data = parseEnvelope(body);
	if (!data.ok) {
		return data;
	}

	if (!isObject(data.value)) {
		return badShape(`expected "data" to be an object, got ${describeType(data.value)}`);
	}

	const records = field(data.value, 'records');
	if (records === null) { // Go's nil slice; Milvus sends [] but a proxy or fork may not.
		return {ok: true, value: []};
	}

	if (!Array.isArray(records)) {
		return badShape(`expected "data.records" to be an array, got ${describeType(records)}`);
	}

	return {ok: true, value: mergeDuplicates(parseJobs(records))};
};

/** Go renders the file's path list with `%v`: "[dir/1.parquet]", numpy groups "[a.npy b.npy]". Strip the brackets. */
export const displayFileName = (name: string): string =>
	name.length >= 2 && name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;

const text = (record: JsonObject, key: string): string => sanitize(field(record, key));

const toFile = (detail: JsonObject): FileDetail => ({
	fileName: displayFileName(text(detail, 'fileName')),
	fileSize: toCount(field(detail, 'fileSize')),
	state: text(detail, 'state') || missingState,
	progress: toProgress(field(detail, 'progress')),
	importedRows: toCount(field(detail, 'importedRows')),
	totalRows: toCount(field(detail, 'totalRows')),
	completeTime: text(detail, 'completeTime'),
	reason: text(detail, 'reason'),
});

/** Describe and get_progress share one handler. `jobId` is the id asked for, used when the answer omits it. */
export const parseDescribeResponse = (body: unknown, jobId: string): Result<JobDetail> => {
	const data = parseEnvelope(body);
	if (!data.ok) {
		return data;
	}

	if (!isObject(data.value)) {
		return badShape(`expected "data" to be an object, got ${describeType(data.value)}`);
	}

	const details = field(data.value, 'details');
	const files = Array.isArray(details) ? details.filter(value => isObject(value)).map(value => toFile(value)) : [];
	return {
		ok: true,
		value: {
			...recordJob(data.value, sanitize(jobId, 200)),
			importedRows: toCount(field(data.value, 'importedRows')),
			totalRows: toCount(field(data.value, 'totalRows')),
			fileSize: toCount(field(data.value, 'fileSize')),
			createTime: text(data.value, 'createTime'),
			completeTime: text(data.value, 'completeTime'),
			files,
		},
	};
};

/** `collections/list` and `databases/list`: `data` is an array of names. Non-strings and empty names are skipped. */
export const parseStringList = (body: unknown): Result<string[]> => {
	const data = parseEnvelope(body);
	if (!data.ok) {
		return data;
	}

	if (data.value === null) {
		return {ok: true, value: []};
	}

	if (!Array.isArray(data.value)) {
		return badShape(`expected "data" to be an array of names, got ${describeType(data.value)}`);
	}

	return {ok: true, value: data.value.filter(name => typeof name === 'string').map(name => sanitize(name)).filter(name => name !== '')};
};
