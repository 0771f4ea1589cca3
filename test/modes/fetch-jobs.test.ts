import {describe, expect, test} from 'vitest';
import type {ApiError, ImportClient, Result} from '../../source/api/types.js';
import type {Job} from '../../source/model/jobs/job.js';
import {
	failureLine, fetchJobs, fetchWithRetries, retryDelayMs,
} from '../../source/modes/fetch-jobs.js';
import type {ModeContext} from '../../source/modes/context.js';
import {testConfig} from '../helpers/config.js';

const job = (jobId: string, collectionName: string): Job => ({
	jobId, collectionName, state: 'Importing', progress: 1, reason: '',
});

/** A client answering list calls from a queue; it records the options of each call. */
const scriptedClient = (answers: Array<Result<readonly Job[]>>) => {
	const calls: Array<string | undefined> = [];
	const client: ImportClient = {
		async listImportJobs(options = {}) {
			calls.push(options.collectionName);
			return answers.length > 1 ? answers.shift()! : answers[0]!;
		},
		describeImportJob: async () => ({ok: false, error: {kind: 'aborted'}}),
		listCollections: async () => ({ok: true, value: []}),
		listDatabases: async () => ({ok: true, value: []}),
	};
	return {client, calls};
};

const refused: ApiError = {kind: 'unreachable', detail: 'http://localhost:19530 (connection refused)'};

const context = (client: ImportClient, overrides: Partial<ModeContext> = {}) => {
	const slept: number[] = [];
	const value: ModeContext = {
		client,
		config: testConfig(),
		retries: 3,
		out: () => undefined,
		err: () => undefined,
		now: () => 0,
		async sleep(ms) {
			slept.push(ms);
		},
		signal: new AbortController().signal,
		...overrides,
	};
	return {context: value, slept};
};

describe('fetchJobs', () => {
	test('one call per --collection, merged, duplicates once', async () => {
		const {client, calls} = scriptedClient([{ok: true, value: [job('1', 'a'), job('2', 'b')]}]);
		const result = await fetchJobs({client, config: testConfig({collections: ['a', 'b']}), signal: new AbortController().signal});
		expect(calls).toEqual(['a', 'b']);
		expect(result.ok ? result.value.map(listed => listed.jobId) : []).toEqual(['1', '2']);
	});

	test('no collection: one call for everything', async () => {
		const {client, calls} = scriptedClient([{ok: true, value: []}]);
		await fetchJobs({client, config: testConfig(), signal: new AbortController().signal});
		expect(calls).toEqual([undefined]);
	});
});

describe('fetchWithRetries', () => {
	test('retries with backoff, then succeeds', async () => {
		const {client} = scriptedClient([{ok: false, error: refused}, {ok: false, error: refused}, {ok: true, value: [job('1', 'a')]}]);
		const {context: modeContext, slept} = context(client);
		const {result, attempts} = await fetchWithRetries(modeContext);
		expect(result.ok).toBe(true);
		expect(attempts).toBe(3);
		expect(slept).toEqual([500, 1000]);
	});

	test('a struggling server\'s Retry-After is honoured (up to 30 s); a refused connection\'s backoff stays', async () => {
		const busy: ApiError = {
			kind: 'http', status: 429, message: 'Too Many Requests', retryAfterMs: 7000,
		};
		const flood: ApiError = {
			kind: 'http', status: 503, message: 'Service Unavailable', retryAfterMs: 3_600_000,
		};
		const {client} = scriptedClient([{ok: false, error: busy}, {ok: false, error: flood}, {ok: false, error: refused}, {ok: true, value: []}]);
		const {context: modeContext, slept} = context(client);
		const {result} = await fetchWithRetries(modeContext);
		expect(result.ok).toBe(true);
		expect(slept).toEqual([7000, 30_000, 1000]);
	});

	test('gives up after 1 + retries attempts', async () => {
		const {client, calls} = scriptedClient([{ok: false, error: refused}]);
		const {context: modeContext} = context(client, {retries: 2});
		const {result, attempts} = await fetchWithRetries(modeContext);
		expect(result.ok).toBe(false);
		expect(attempts).toBe(3);
		expect(calls).toHaveLength(3);
	});

	test('refused credentials are not retried', async () => {
		const {client, calls} = scriptedClient([{ok: false, error: {kind: 'unauthorized', code: 1800, message: ''}}]);
		const {context: modeContext} = context(client);
		await fetchWithRetries(modeContext);
		expect(calls).toHaveLength(1);
	});
});

test('retryDelayMs doubles and is capped by the interval', () => {
	expect([1, 2, 3, 4, 5].map(failures => retryDelayMs(failures, 3000))).toEqual([500, 1000, 2000, 3000, 3000]);
});

test('failureLine: what was tried, what to do, how many attempts', () => {
	expect(failureLine(refused, 'http://localhost:19530', 4))
		.toBe('cannot reach http://localhost:19530 (connection refused) — is Milvus running? check --uri or try --demo; gave up after 4 attempts');
	expect(failureLine({kind: 'unauthorized', code: 1800, message: ''}, 'http://h:1', 1))
		.toBe('credentials refused (HTTP 401): check --token / MILVUS_TOKEN (server http://h:1)');
});
