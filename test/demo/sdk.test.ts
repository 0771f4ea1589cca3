import {HttpClient} from '@zilliz/milvus2-sdk-node';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {seededRandom} from '../../source/demo/rng.js';
import {manualClock} from './helpers.js';

/** A client nobody here wrote: the official Node SDK's HTTP client (it calls list, create and get_progress). */

const servers: DemoServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const auth = {user: 'root', password: 'Milvus'};

const scenario = async (client: HttpClient, clock: ReturnType<typeof manualClock>) => {
	const created = await client.createImportJobs({collectionName: 'books', files: [['books/part-0.parquet'], ['books/part-1.parquet']]});
	expect(created.code).toBe(0);
	const {jobId} = created.data;
	expect(jobId).toMatch(/^\d{18}$/v);

	const listed = await client.listImportJobs({collectionName: 'books'});
	expect(listed.code).toBe(0);
	expect(listed.data.records).toContainEqual({
		jobId, collectionName: 'books', state: 'Pending', progress: 0,
	});

	clock.advance(30_000);
	const progress = await client.getImportJobProgress({jobId});
	expect(progress.code).toBe(0);
	expect(progress.data).toMatchObject({jobId, collectionName: 'books', state: 'Importing'});
	expect(progress.data.progress).toBeGreaterThan(0);

	clock.advance(600_000 - 30_000);
	const done = await client.getImportJobProgress({jobId});
	expect(done.data).toMatchObject({state: 'Completed', progress: 100});
	expect(done.data.importedRows).toBe(done.data.totalRows);
	expect(done.data.details).toHaveLength(2);
};

describe('@zilliz/milvus2-sdk-node HttpClient against the demo server', () => {
	test('auth off: create, list, progress', async () => {
		const clock = manualClock();
		const server = await startDemoServer({
			clock: clock.now, random: seededRandom(1), seed: 'none', retentionMs: 3_600_000,
		});
		servers.push(server);
		await scenario(new HttpClient({endpoint: server.url}), clock);
	});

	test('auth on: username/password and token both work', async () => {
		const clock = manualClock();
		const server = await startDemoServer({
			clock: clock.now, random: seededRandom(1), seed: 'none', retentionMs: 3_600_000, auth,
		});
		servers.push(server);
		await scenario(new HttpClient({endpoint: server.url, username: 'root', password: 'Milvus'}), clock);
		const listed = await new HttpClient({endpoint: server.url, token: 'root:Milvus', database: 'analytics'}).listImportJobs({collectionName: 'events'});
		expect(listed).toEqual({code: 0, data: {records: []}});
	});

	test('auth on with a wrong password: the SDK sees HTTP 401 and code 1800', async () => {
		const server = await startDemoServer({seed: 'none', auth});
		servers.push(server);
		const client = new HttpClient({endpoint: server.url, username: 'root', password: 'wrong'});
		const error = await client.listImportJobs({collectionName: 'books'}).then(() => undefined, (error_: unknown) => error_);
		expect(error).toMatchObject({name: 'HttpError', status: 401});
		expect(error instanceof Error ? error.message : '').toContain('"code":1800');
	});

	test('business errors come back as values, not exceptions', async () => {
		const server = await startDemoServer({seed: 'none'});
		servers.push(server);
		const client = new HttpClient({endpoint: server.url});
		expect(await client.listImportJobs({collectionName: 'nope'})).toEqual({code: 100, message: 'collection not found[database=default][collection=nope]'});
		expect(await client.getImportJobProgress({jobId: '1'})).toMatchObject({code: 2100});
		expect(await client.createImportJobs({collectionName: 'books', files: [['a.txt']]})).toMatchObject({code: 2100});
	});
});
