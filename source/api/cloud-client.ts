/**
Zilliz Cloud's control plane (https://api.cloud.zilliz.com) as an ImportClient. It differs from
self-hosted Milvus (docs/milvus-rest.md#zilliz-cloud, docs/zilliz-cloud.md): the body names a `clusterId`, the list is paginated
(`pageSize` ≤ 100, `currentPage` from 1, `count` = total records), ids look like `job-…`, records
may lack `progress`, progress is `getProgress` (pymilvus uses `describe`: we fall back to it on 404),
and each endpoint takes at most 20 requests per second.
*/
import type {Job, JobDetail} from '../model/jobs/job.js';
import type {
	ImportClient, ListOptions, RequestOptions, Result,
} from './types.js';
import {createTransport, type TlsMaterial} from './transport.js';
import {post} from './http.js';
import {mergeDuplicates} from './duplicates.js';
import {classifyResponse, redactEnvelope} from './response.js';
import {
	displayUri, makeRedactor, requestHeaders, timing,
} from './request-options.js';
import {parseDescribeResponse, parseEnvelope, parseJobs} from './parse.js';
import {field, isObject, toNumber} from './fields.js';
import {createLimiter, realClock, type Clock} from './rate-limit.js';
import {zillizError, type CloudTarget} from './zilliz-errors.js';
import {parseRetryAfter} from './retry-after.js';

export type CloudClientOptions = {
	/** Control-plane base, e.g. `https://api.cloud.zilliz.com` (`.com.cn` in China). */
	readonly endpoint: string;
	/** A dedicated cluster, or a project database ("serverless": `projectId` + `regionId`, as pymilvus and the Node SDK send them). */
	readonly target: CloudTarget;
	/** The API key; sent as `Authorization: Bearer`, never printed. */
	readonly token: string | undefined;
	readonly dbName?: string;
	readonly timeoutMs: number;
	/** Where the API key came from (`MILVUS_TOKEN`, `--token-file`…): a refusal's hint names it. */
	readonly credentialSource?: string;
	/** TLS trust and identity, and the proxy (transport.ts). */
	readonly transport?: TlsMaterial;
	readonly fetch?: typeof fetch;
	/** Defaults: 100 (the most Zilliz accepts, error 96008 above), 50 pages, 8 requests/s per endpoint. */
	readonly pageSize?: number;
	readonly maxPages?: number;
	readonly perSecond?: number;
	readonly clock?: Clock;
};

export const cloudEndpoints = {
	list: '/v2/vectordb/jobs/import/list',
	getProgress: '/v2/vectordb/jobs/import/getProgress',
	describe: '/v2/vectordb/jobs/import/describe',
} as const;

type Page = {readonly jobs: readonly Job[]; readonly records: number; readonly count: number | undefined};

const parsePage = (body: unknown): Result<Page> => {
	const data = parseEnvelope(body);
	if (!data.ok) {
		return data;
	}

	if (!isObject(data.value)) {
		return {ok: false, error: {kind: 'bad-shape', detail: 'expected "data" to be an object with "records"'}};
	}

	const records = field(data.value, 'records') ?? [];
	if (!Array.isArray(records)) {
		return {ok: false, error: {kind: 'bad-shape', detail: 'expected "data.records" to be an array'}};
	}

	return {ok: true, value: {jobs: parseJobs(records), records: records.length, count: toNumber(field(data.value, 'count'))}};
};

export const createCloudClient = (options: CloudClientOptions): ImportClient => {
	const transport = createTransport(options.transport, options.fetch);
	const base = options.endpoint.trim().replace(/\/+$/v, '');
	const shownUri = displayUri(base);
	const redact = makeRedactor(options.token);
	const {requestTimeoutSeconds, deadlineMs} = timing(options.timeoutMs);
	const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 100));
	const maxPages = options.maxPages ?? 50;
	const clock = options.clock ?? realClock;
	// 8, not 10: the server counts arrivals, which network jitter can bunch up; under 10 as it counts.
	const limit = createLimiter(options.perSecond ?? 8, clock);
	const credential = {what: 'Zilliz Cloud API key', source: options.credentialSource ?? 'MILVUS_TOKEN / --token-file / --token'};
	const target: Readonly<Record<string, string>> = 'clusterId' in options.target
		? {clusterId: options.target.clusterId}
		: {projectId: options.target.projectId, regionId: options.target.regionId};
	let describePath: string = cloudEndpoints.getProgress;
	/** Per endpoint: no request before this time (a 429's Retry-After). */
	const holdUntil = new Map<string, number>();

	const send = async (endpoint: string, body: Readonly<Record<string, unknown>>, signal: AbortSignal | undefined) => {
		const held = (holdUntil.get(endpoint) ?? 0) - clock.now();
		if (held > 0) {
			await clock.sleep(held, signal);
		}

		await limit(endpoint, signal);
		return post({
			fetch: transport.fetch,
			sentClientCert: transport.sentClientCert,
			proxy: transport.proxy,
			probe: transport.probe,
			url: base + endpoint,
			displayUri: shownUri,
			// No DB-Name header: the control plane takes the database in the body.
			headers: requestHeaders({token: options.token, dbName: undefined, requestTimeoutSeconds}),
			body,
			deadlineMs,
			timeoutMs: options.timeoutMs,
			signal,
		});
	};

	const call = async <T>(endpoint: string, body: Readonly<Record<string, unknown>>, parse: (json: unknown) => Result<T>, signal: AbortSignal | undefined): Promise<Result<T>> => {
		let raw = await send(endpoint, body, signal);
		// 429: the endpoint waits as long as the server asks (everyone's next request too), then this one is tried once more.
		for (let retry = 0; retry < 2 && raw.ok && raw.value.status === 429 && !signal?.aborted; retry++) {
			holdUntil.set(endpoint, clock.now() + Math.min(60_000, parseRetryAfter(raw.value.retryAfter, Date.now()) ?? 1000));
			// eslint-disable-next-line no-await-in-loop -- the retry follows the wait
			raw = await send(endpoint, body, signal);
		}

		if (!raw.ok) {
			return raw;
		}

		const json = classifyResponse(raw.value, {endpoint, timeoutMs: options.timeoutMs, redact});
		if (!json.ok) {
			return {ok: false, error: zillizError(json.error, options.target, credential)};
		}

		const parsed = parse(json.value);
		return parsed.ok ? parsed : {ok: false, error: zillizError(redactEnvelope(parsed.error, redact), options.target, credential)};
	};

	const listImportJobs = async (listOptions: ListOptions = {}): Promise<Result<readonly Job[]>> => {
		const dbName = listOptions.dbName ?? options.dbName;
		const jobs: Job[] = [];
		for (let currentPage = 1; currentPage <= maxPages; currentPage++) {
			const body = {
				...target, pageSize, currentPage, ...(dbName ? {dbName} : {}),
			};
			// eslint-disable-next-line no-await-in-loop -- pages are sequential by nature
			const page = await call(cloudEndpoints.list, body, parsePage, listOptions.signal);
			if (!page.ok) {
				return page;
			}

			// A job created mid-pagination shifts the pages: the same id may come twice (mergeDuplicates below).
			jobs.push(...page.value.jobs.filter(job => listOptions.collectionName === undefined || job.collectionName === listOptions.collectionName));

			const {records, count} = page.value;
			if (records < pageSize || (count !== undefined && currentPage * pageSize >= count)) {
				break;
			}
		}

		return {ok: true, value: mergeDuplicates(jobs)};
	};

	const describeImportJob = async (jobId: string, describeOptions: RequestOptions = {}): Promise<Result<JobDetail>> => {
		const parse = (json: unknown) => parseDescribeResponse(json, jobId);
		const body = {...target, jobId};
		const result = await call(describePath, body, parse, describeOptions.signal);
		if (result.ok || result.error.kind !== 'not-supported' || describePath === cloudEndpoints.describe) {
			return result;
		}

		describePath = cloudEndpoints.describe;
		return call(describePath, body, parse, describeOptions.signal);
	};

	return {
		listImportJobs,
		describeImportJob,
		hasDescribe: () => true, // getProgress, or describe where pymilvus' spelling is the one served.
		// The control plane lists jobs per cluster; collections and databases live on the data plane.
		listCollections: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'collections/list (Zilliz Cloud control plane)'}}),
		listDatabases: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'databases/list (Zilliz Cloud control plane)'}}),
	};
};
