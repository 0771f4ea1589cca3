/**
Zilliz Cloud's control plane (https://api.cloud.zilliz.com) as an ImportClient. It differs from
self-hosted Milvus (docs/milvus-rest.md#zilliz-cloud): the body names a `clusterId`, the list is paginated
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
import {classifyResponse, redactEnvelope, withCredentialSource} from './response.js';
import {
	displayUri, makeRedactor, requestHeaders, timing,
} from './request-options.js';
import {parseDescribeResponse, parseEnvelope, parseJobs} from './parse.js';
import {field, isObject, toNumber} from './fields.js';
import {createLimiter, type Clock} from './rate-limit.js';

export type CloudClientOptions = {
	/** Control-plane base, e.g. `https://api.cloud.zilliz.com` (`.com.cn` in China). */
	readonly endpoint: string;
	readonly clusterId: string;
	/** The API key; sent as `Authorization: Bearer`, never printed. */
	readonly token: string | undefined;
	readonly dbName?: string;
	readonly timeoutMs: number;
	/** Where the API key came from (`MILVUS_TOKEN`, `--token-file`…): a refusal's hint names it. */
	readonly credentialSource?: string;
	/** TLS trust and identity, and the proxy (transport.ts). */
	readonly transport?: TlsMaterial;
	readonly fetch?: typeof fetch;
	/** Defaults: 100 (the most Zilliz accepts, error 96008 above), 50 pages, 10 requests/s per endpoint. */
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
	const limit = createLimiter(options.perSecond ?? 10, options.clock);
	let describePath: string = cloudEndpoints.getProgress;

	const callUnnamed = async <T>(endpoint: string, body: Readonly<Record<string, unknown>>, parse: (json: unknown) => Result<T>, signal: AbortSignal | undefined): Promise<Result<T>> => {
		await limit(endpoint, signal);
		const raw = await post({
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
		if (!raw.ok) {
			return raw;
		}

		const json = classifyResponse(raw.value, {endpoint, timeoutMs: options.timeoutMs, redact});
		if (!json.ok) {
			return json;
		}

		const parsed = parse(json.value);
		return parsed.ok ? parsed : {ok: false, error: redactEnvelope(parsed.error, redact)};
	};

	const call = async <T>(endpoint: string, body: Readonly<Record<string, unknown>>, parse: (json: unknown) => Result<T>, signal: AbortSignal | undefined): Promise<Result<T>> =>
		withCredentialSource(await callUnnamed(endpoint, body, parse, signal), options.token === undefined || options.token === '' ? '' : options.credentialSource);

	const listImportJobs = async (listOptions: ListOptions = {}): Promise<Result<readonly Job[]>> => {
		const dbName = listOptions.dbName ?? options.dbName;
		const jobs: Job[] = [];
		for (let currentPage = 1; currentPage <= maxPages; currentPage++) {
			const body = {
				clusterId: options.clusterId, pageSize, currentPage, ...(dbName ? {dbName} : {}),
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
		const body = {clusterId: options.clusterId, jobId};
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
		// The control plane lists jobs per cluster; collections and databases live on the data plane.
		listCollections: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'collections/list (Zilliz Cloud control plane)'}}),
		listDatabases: async () => ({ok: false, error: {kind: 'not-supported', endpoint: 'databases/list (Zilliz Cloud control plane)'}}),
	};
};
