import {
	afterAll, afterEach, beforeAll, describe, expect, test,
} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {DemoTls} from '../../source/demo/tls-front.js';
import {seededRandom} from '../../source/demo/rng.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';
import {tlsPost} from '../helpers/tls-request.js';

let pki: TestPki;
beforeAll(async () => {
	pki = await makeTestPki();
});
afterAll(async () => {
	await pki.remove();
});

const servers: DemoServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const open = async (mutual = false): Promise<DemoServer> => {
	const tls: DemoTls = {
		cert: await pki.read(pki.serverCert),
		key: await pki.read(pki.serverKey),
		...(mutual ? {clientCa: await pki.read(pki.caCert)} : {}),
	};
	const server = await startDemoServer({random: seededRandom(3), tls});
	servers.push(server);
	return server;
};

describe('demo server over TLS', () => {
	test('serves https:// and answers a client that trusts its CA', async () => {
		const server = await open();
		expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
		const outcome = await tlsPost(server.url, {ca: await pki.read(pki.caCert)});
		expect(outcome).toMatchObject({ok: true, status: 200});
		expect(outcome.ok && outcome.text).toContain('"records"');
	});

	test('a client without the CA fails the handshake', async () => {
		const server = await open();
		const outcome = await tlsPost(server.url);
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.error.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
	});

	test('plain http:// to the TLS port gets Go\'s 400, as from Milvus', async () => {
		const server = await open();
		const outcome = await tlsPost(server.url.replace('https:', 'http:'));
		expect(outcome).toMatchObject({ok: true, status: 400});
		expect(outcome.ok && outcome.text).toContain('Client sent an HTTP request to an HTTPS server');
	});

	test('mutual TLS: a client certificate from the CA is let in, none or a stranger\'s is not', async () => {
		const server = await open(true);
		const ca = await pki.read(pki.caCert);
		const withCert = await tlsPost(server.url, {ca, cert: await pki.read(pki.clientCert), key: await pki.read(pki.clientKey)});
		expect(withCert).toMatchObject({ok: true, status: 200});
		const without = await tlsPost(server.url, {ca});
		expect(without.ok).toBe(false);
		expect(!without.ok && without.error.code).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
		const stranger = await tlsPost(server.url, {ca, cert: await pki.read(pki.strangerCert), key: await pki.read(pki.strangerKey)});
		expect(stranger.ok).toBe(false);
		// Node checks a client certificate after the handshake and drops the connection without an alert (Go sends bad_certificate).
		expect(!stranger.ok && stranger.error.code).toMatch(/^(?:ECONNRESET|EPIPE|ERR_SSL_)/v);
	});

	test('close() ends open TLS connections too', async () => {
		const server = await open();
		await tlsPost(server.url, {ca: await pki.read(pki.caCert), agent: undefined});
		await server.close();
		servers.length = 0;
		const after = await tlsPost(server.url, {ca: await pki.read(pki.caCert)});
		expect(!after.ok && after.error.code).toBe('ECONNREFUSED');
	});
});
