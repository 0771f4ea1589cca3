import {
	fail, failWith, ok, readRequest, resolveCollection, type Context, type Handler,
} from './context.js';
import {phasesOf} from './flavor.js';
import {fileSpec} from './seed.js';
import {planJob, type FailureSpec} from './sim.js';
import {
	addJob, allocateJobId, maxImportJobs, runningJobs,
} from './world.js';

/** `jobs/import/create` (docs/milvus-rest.md#create): validated in the order the proxy does it, then planned and run. */

const createSchema = {
	struct: 'ImportReq',
	fields: {
		dbName: {kind: 'string', goName: 'DbName'},
		collectionName: {kind: 'string', goName: 'CollectionName', required: true},
		partitionName: {kind: 'string', goName: 'PartitionName'},
		files: {kind: 'files', goName: 'Files', required: true},
		options: {kind: 'options', goName: 'Options'},
	},
} as const;

const maxFilesPerRequest = 1024; // `dataCoord.import.maxImportFileNumPerReq`
const extensions = ['.json', '.parquet', '.csv', '.npy'];

const hasKnownType = (group: readonly string[]): boolean =>
	group.length === 1
		? extensions.some(extension => group[0]!.toLowerCase().endsWith(extension))
		: group.every(path => path.toLowerCase().endsWith('.npy')); // Several paths: one numpy file per field.

const units: Readonly<Record<string, number>> = {
	ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/** Go's time.ParseDuration for the common forms (`300s`, `1h30m`); undefined when it is not one. */
export const parseDuration = (text: string): number | undefined => {
	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/gv)];
	if (parts.length === 0 || parts.map(part => part[0]).join('') !== text) {
		return undefined;
	}

	return parts.reduce((total, [, amount, unit]) => total + (Number(amount) * units[unit!]!), 0);
};

/** A file that is not in the bucket is accepted, and the job fails later (docs/milvus-rest.md#create); the demo treats paths containing `missing` that way. */
const missingFile = (files: ReadonlyArray<readonly string[]>): FailureSpec | undefined => {
	const file = files.findIndex(group => group.some(path => path.includes('missing')));
	return file === -1
		? undefined
		: {
			phase: 'Pending', fraction: 0.8, file, reason: `failed to get file size of '${files[file]![0]!}': The specified key does not exist.`,
		};
};

const busy = (context: Context) => fail(
	context.traits.notFoundCode,
	'The number of jobs has reached the limit, please try again later. If your request is set to only import a single file, '
	+ `please consider importing multiple files in one request for better efficiency.: ${context.traits.notFoundSuffix}`,
);

export const createJob: Handler = (context, body, dbHeader) => {
	const request = readRequest(context, body, dbHeader, createSchema);
	if ('failed' in request) {
		return request.failed;
	}

	const {value: parsed, dbName} = request;
	const {collectionName, partitionName, options = {}} = parsed;
	const files = parsed.files!;

	const resolved = resolveCollection(context, dbName, collectionName!);
	if ('error' in resolved) {
		return failWith(resolved.error);
	}

	if (options['backup'] === 'true' && !partitionName) {
		return fail(1101, 'partition not specified: missing parameter');
	}

	if (files.length === 0 || files.some(group => group.length === 0)) {
		return fail(1100, 'import request is empty: invalid parameter');
	}

	if (files.length > maxFilesPerRequest) {
		return fail(2100, `The max number of import files should not exceed ${maxFilesPerRequest}, but got ${files.length}: importing data failed`);
	}

	const unknownType = files.find(group => !hasKnownType(group));
	if (unknownType) {
		return fail(2100, `unexpected file type, files=[${unknownType.join(' ')}]: importing data failed`);
	}

	// `auto_commit` is a 3.0-dev option (PR #48524); older versions ignore unknown options.
	const autoCommit = options['auto_commit'];
	if (context.traits.hasCommit && autoCommit !== undefined && autoCommit !== 'true' && autoCommit !== 'false') {
		return fail(1100, `invalid auto_commit value: ${autoCommit}: invalid parameter`);
	}

	if (runningJobs(context.world, context.now) >= maxImportJobs) {
		return busy(context);
	}

	const autoCommitOn = !context.traits.hasCommit || autoCommit !== 'false';
	const {collection} = resolved;
	const allocated = allocateJobId(context.world, context.random);
	const job = planJob({
		jobId: allocated.jobId,
		dbName,
		collectionName: collection.name,
		collectionId: collection.id,
		files: files.map(group => fileSpec(context.random, group, collection.dim)),
		autoCommit: autoCommitOn,
		createdAt: context.now,
		timeoutMs: options['timeout'] === undefined ? undefined : parseDuration(options['timeout']),
	}, phasesOf(context.flavor, autoCommitOn), context.random, missingFile(files));
	return {...ok({jobId: job.jobId}), world: addJob(allocated.world, job)};
};
