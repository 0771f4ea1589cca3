import {same} from '../auth.js';
import {type Context, formatTime} from '../context.js';
import {
	type DemoRequest, type Reply, json, notFound,
} from '../routes.js';
import {viewJob} from '../view.js';
import type {SimJob} from '../sim.js';
import {
	badKey, badPage, badPageSize, checkTarget, cloudJobId, demoApiKey, keyOf, type CloudError,
} from './identity.js';
import type {RateGate} from './rate.js';

/**
The Zilliz Cloud control plane (`--flavor cloud`): a paginated `jobs/import/list` whose records have
no `progress`, `getProgress` (and `describe`, which pymilvus calls) per job, `job-…` ids, an API key,
and 429 past 20 requests per second per endpoint. docs/zilliz-cloud.md has the shapes.
*/

export const cloudPaths = {
	list: '/v2/vectordb/jobs/import/list',
	getProgress: '/v2/vectordb/jobs/import/getProgress',
	describe: '/v2/vectordb/jobs/import/describe',
} as const;

const known: ReadonlySet<string> = new Set(Object.values(cloudPaths));

export type CloudOptions = {readonly apiKey?: string; readonly gate: RateGate};

const failure = (error: CloudError): Reply => json(200, error);

const readBody = (text: string): Readonly<Record<string, unknown>> | undefined => {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- checked just above
	} catch {
		return undefined;
	}
};

const integer = (value: unknown, fallback: number): number => (value === undefined ? fallback : (typeof value === 'number' && Number.isInteger(value) ? value : Number.NaN));

/** Newest first, as the console lists them; stable between pages. */
const ordered = (context: Context): SimJob[] => [...context.world.jobs.values()].toSorted((a, b) => b.createdAt - a.createdAt || (a.jobId < b.jobId ? 1 : -1));

const list = (context: Context, body: Readonly<Record<string, unknown>>): Reply => {
	const pageSize = integer(body['pageSize'], 10);
	const currentPage = integer(body['currentPage'], 1);
	if (!(pageSize >= 1 && pageSize <= 100)) {
		return failure(badPageSize);
	}

	if (!(currentPage >= 1)) {
		return failure(badPage);
	}

	const all = ordered(context);
	const records = all.slice((currentPage - 1) * pageSize, currentPage * pageSize).map(job => {
		const view = viewJob(job, context.now, context.traits);
		// No progress here: the Zilliz page's example has none (the client must ask getProgress).
		return {
			collectionName: job.collectionName, jobId: cloudJobId(job.jobId), state: view.state, reason: view.reason || undefined,
		};
	});
	return json(200, {
		code: 0,
		data: {
			count: all.length, currentPage, pageSize, records,
		},
	});
};

const progress = (context: Context, body: Readonly<Record<string, unknown>>): Reply => {
	const {jobId} = body;
	const job = typeof jobId === 'string' ? ordered(context).find(candidate => cloudJobId(candidate.jobId) === jobId) : undefined;
	if (job === undefined) {
		// Zilliz runs Milvus underneath: its "no such job" (2100) is assumed, the demo's only guess here.
		return failure({code: 2100, message: `import job does not exist, jobID=${typeof jobId === 'string' ? jobId : ''}: importing data failed`});
	}

	const view = viewJob(job, context.now, context.traits);
	return json(200, {
		code: 0,
		data: {
			jobId,
			collectionName: job.collectionName,
			fileName: view.tasks.map(task => task.fileName).join(','),
			fileSize: view.tasks.reduce((total, task) => total + task.fileSize, 0),
			state: view.state,
			progress: view.progress,
			completeTime: formatTime(view.completeTime),
			reason: view.reason, // Present as "" on success, unlike Milvus.
			totalRows: view.totalRows,
			importedRows: view.importedRows,
			details: view.tasks.map(task => ({...task, completeTime: formatTime(task.completeTime), reason: task.reason})),
		},
	});
};

export const handleCloud = (context: Context, request: DemoRequest, options: CloudOptions): Reply => {
	if (request.method !== 'POST' || !known.has(request.path)) {
		return notFound;
	}

	if (!options.gate(request.path, context.now)) {
		return {...json(429, {code: 429, message: 'Too many requests, please try again later.'}), headers: {'Retry-After': '1'}};
	}

	if (!same(keyOf(request.authorization) ?? '', options.apiKey ?? demoApiKey)) {
		return failure(badKey);
	}

	const body = readBody(request.body);
	if (body === undefined) {
		return failure({code: 80_000, message: 'Incorrect parameter: the body is not a JSON object'});
	}

	const target = checkTarget(body);
	if (target !== undefined) {
		return failure(target);
	}

	return request.path === cloudPaths.list ? list(context, body) : progress(context, body);
};
