import {createServer as createHttpsServer} from 'node:https';
import {
	afterAll, afterEach, beforeAll, describe, expect, test,
} from 'vitest';
import {createMilvusClient} from '../../source/api/client.js';
import {createCloudClient} from '../../source/api/cloud-client.js';
import {plainTransport, type TlsMaterial} from '../../source/api/transport.js';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';
import {sendJson, startScriptedServer} from '../helpers/http-server.js';
import {startTestProxy} from '../helpers/proxy.js';

/** Every kind of request a client makes travels with the transport: TLS material and the proxy. */
let pki: TestPki;
beforeAll(async () => {
	pki = await makeTestPki();
});
afterAll(async () => {
	await pki.remove();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	await Promise.all(cleanups.splice(0).map(async cleanup => cleanup()));
});

const mutualServer = async (): Promise<DemoServer> => {
	const server = await startDemoServer({
		tickMs: 0,
		tls: {cert: await pki.read(pki.serverCert), key: await pki.read(pki.serverKey), clientCa: await pki.read(pki.caCert)},
	});
	cleanups.push(async () => server.close());
	return server;
};

describe('the Milvus client over mutual TLS', () => {
	test('list, describe, collections and databases all carry the CA and the client certificate', async () => {
		const server = await mutualServer();
		const transport: TlsMaterial = {
			...plainTransport, ca: await pki.read(pki.caCert), cert: await pki.read(pki.clientCert), key: await pki.read(pki.clientKey),
		};
		const client = createMilvusClient({uri: server.url, timeoutMs: 5000, transport});
		const jobs = await client.listImportJobs();
		if (!jobs.ok) {
			throw new Error(JSON.stringify(jobs.error));
		}

		expect(jobs.value.length).toBeGreaterThan(0);
		const detail = await client.describeImportJob(jobs.value[0]!.jobId);
		expect(detail.ok).toBe(true);
		const [collections, databases] = await Promise.all([client.listCollections(), client.listDatabases()]);
		expect(collections.ok && databases.ok).toBe(true);
	});

	test('an encrypted key with its passphrase works the same', async () => {
		const server = await mutualServer();
		const transport: TlsMaterial = {
			...plainTransport, ca: await pki.read(pki.caCert), cert: await pki.read(pki.clientCert), key: await pki.read(pki.encryptedClientKey), passphrase: pki.passphrase,
		};
		const client = createMilvusClient({uri: server.url, timeoutMs: 5000, transport});
		const jobs = await client.listImportJobs();
		expect(jobs.ok).toBe(true);
	});

	test('without the client certificate every call fails the same clear way', async () => {
		const server = await mutualServer();
		const client = createMilvusClient({uri: server.url, timeoutMs: 5000, transport: {...plainTransport, ca: await pki.read(pki.caCert)}});
		for (const result of [await client.listImportJobs(), await client.listCollections(), await client.describeImportJob('1')]) {
			expect(result).toEqual({ok: false, error: {kind: 'tls', problem: 'client-cert-required', detail: 'certificate required'}});
		}
	});
});

describe('http:// to a TLS server that just hangs up (Node\'s https, unlike Go, sends no 400)', () => {
	test('the handshake probe tells it speaks TLS there', async () => {
		const server = createHttpsServer({cert: await pki.read(pki.serverCert), key: await pki.read(pki.serverKey)}, (_request, response) => {
			response.end('{}');
		});
		await new Promise<void>(resolve => {
			server.listen(0, '127.0.0.1', resolve);
		});
		cleanups.push(async () => new Promise<void>(resolve => {
			server.closeAllConnections();
			server.close(() => {
				resolve();
			});
		}));
		const address = server.address();
		const port = typeof address === 'object' && address !== null ? address.port : 0;
		const client = createMilvusClient({uri: `http://127.0.0.1:${port}`, timeoutMs: 5000});
		expect(await client.listImportJobs()).toEqual({ok: false, error: {kind: 'tls', problem: 'tls-port', detail: ''}});
	});
});

describe('the Zilliz Cloud client through a proxy', () => {
	test('its requests go through the proxy', async () => {
		const cloud = await startScriptedServer((_request, response) => {
			const job = {
				jobId: 'job-1', collectionName: 'books', state: 'Importing', progress: 10,
			};
			sendJson(response, {code: 0, data: {count: 1, records: [job]}});
		});
		const proxy = await startTestProxy();
		cleanups.push(async () => cloud.close(), async () => proxy.close());
		const client = createCloudClient({
			endpoint: cloud.url, target: {clusterId: 'in01-x'}, token: 'key', timeoutMs: 5000, transport: {...plainTransport, proxy: proxy.url},
		});
		const jobs = await client.listImportJobs();
		expect(jobs.ok && jobs.value.map(job => job.jobId)).toEqual(['job-1']);
		expect(proxy.seen).toEqual([`${cloud.url}/v2/vectordb/jobs/import/list`]);
	});
});
