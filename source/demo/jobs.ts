import {parseBody} from './body.js';
import {
	databaseName, fail, failWith, formatTime, ok, preCheck, readRequest, resolveCollection, type Handler,
} from './context.js';
import {shuffle} from './rng.js';
import {viewJob} from './view.js';

/** `jobs/import/list`, `describe` and its older alias `get_progress` (docs/milvus-rest.md#list, #describe). */

const listSchema = {
	struct: 'OptionalCollectionNameReq',
	fields: {dbName: {kind: 'string', goName: 'DbName'}, collectionName: {kind: 'string', goName: 'CollectionName'}},
} as const;

export const listJobs: Handler = (context, body, dbHeader) => {
	const request = readRequest(context, body, dbHeader, listSchema);
	if ('failed' in request) {
		return request.failed;
	}

	const {value: parsed, dbName} = request;

	let jobs = [...context.world.jobs.values()];
	// Without a collection, every database's jobs come back: dbName filters nothing (milvus#31273).
	const {collectionName} = parsed;
	if (collectionName) {
		const resolved = resolveCollection(context, dbName, collectionName);
		if ('error' in resolved) {
			return failWith(resolved.error);
		}

		jobs = jobs.filter(job => job.collectionId === resolved.collection.id);
	}

	const records = shuffle(context.random, jobs).map(job => {
		const view = viewJob(job, context.now, context.traits);
		return {
			jobId: job.jobId, collectionName: job.collectionName, state: view.state, progress: view.progress, reason: view.reason || undefined,
		};
	});
	return ok({records});
};

export const describeSchema = {struct: 'JobIDReq', fields: {jobId: {kind: 'string', goName: 'JobID', required: true}}} as const;

const int64Min = -(2n ** 63n);
const int64Max = (2n ** 63n) - 1n;

/** Go's strconv.ParseInt(id, 10, 64), as value or error text. */
export const parseJobId = (id: string): bigint | string => {
	if (!/^[+\-]?\d+$/v.test(id)) {
		return `strconv.ParseInt: parsing ${JSON.stringify(id)}: invalid syntax`;
	}

	const value = BigInt(id);
	return value < int64Min || value > int64Max ? `strconv.ParseInt: parsing ${JSON.stringify(id)}: value out of range` : value;
};

export const describeJob: Handler = (context, body, dbHeader) => {
	const parsed = parseBody(body, describeSchema);
	if (!parsed.ok) {
		return failWith(parsed.error);
	}

	// The body has no dbName field: only the header names a database, and only 2.4 checks it.
	const denied = preCheck(context, databaseName(undefined, dbHeader));
	if (denied) {
		return failWith(denied);
	}

	const requested = parsed.value.jobId!;
	const {traits} = context;
	const id = parseJobId(requested);
	if (typeof id === 'string') {
		return fail(traits.badIdCode, `${traits.badIdPrefix}${id}: ${traits.badIdSuffix}`);
	}

	// Datacoord looks the job up by id alone: a job of any database is found.
	const job = context.world.jobs.get(id.toString());
	if (!job) {
		return fail(traits.notFoundCode, `import job does not exist, jobID=${id}: ${traits.notFoundSuffix}`);
	}

	const view = viewJob(job, context.now, traits);
	return ok({
		jobId: requested,
		collectionName: job.collectionName,
		createTime: traits.hasCreateTime ? formatTime(job.createdAt) : undefined,
		completeTime: formatTime(view.completeTime),
		state: view.state,
		progress: view.progress,
		importedRows: view.importedRows,
		totalRows: view.totalRows,
		reason: view.reason || undefined,
		fileSize: view.tasks.reduce((total, task) => total + task.fileSize, 0),
		details: view.tasks.map(task => ({...task, completeTime: formatTime(task.completeTime), reason: task.reason || undefined})),
	});
};
