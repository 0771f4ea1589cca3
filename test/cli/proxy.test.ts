import {Buffer} from 'node:buffer';
import {
	afterAll, afterEach, beforeAll, describe, expect, test,
} from 'vitest';
import {startDemoServer} from '../../source/demo/index.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';
import {closedPortUrl} from '../helpers/http-server.js';
import {startTestProxy, type TestProxy} from '../helpers/proxy.js';
import {runCli} from '../helpers/run-cli.js';

/** The built CLI through a local CONNECT proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY and --proxy, as curl reads them. */
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

const proxy = async (credentials?: string): Promise<TestProxy> => {
	const started = await startTestProxy(credentials);
	cleanups.push(async () => started.close());
	return started;
};

/** A TLS server whose certificate names only milvus.test, a name only the test proxy resolves (to 127.0.0.1). */
const tlsServer = async () => {
	const server = await startDemoServer({tickMs: 0, tls: {cert: await pki.read(pki.namedServerCert), key: await pki.read(pki.namedServerKey)}});
	cleanups.push(async () => server.close());
	return {port: server.port, url: `https://milvus.test:${server.port}`};
};

describe('https:// through a CONNECT tunnel', () => {
	test('HTTPS_PROXY is used, and TLS (--ca-cert) still reaches the server through it', async () => {
		const [server, tunnel] = await Promise.all([tlsServer(), proxy()]);
		const result = await runCli(['--json', '--uri', server.url, '--ca-cert', pki.caCert], {HTTPS_PROXY: tunnel.url});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(tunnel.seen).toEqual([`CONNECT milvus.test:${server.port}`]);
	});

	test('NO_PROXY sends the server direct (here: where the name does not resolve)', async () => {
		const [server, tunnel] = await Promise.all([tlsServer(), proxy()]);
		const result = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert, '--retries', '0'], {HTTPS_PROXY: tunnel.url, NO_PROXY: 'localhost,.test'});
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('host not found (DNS)');
		expect(tunnel.seen).toEqual([]);
	});

	test('this machine\'s loopback is never proxied', async () => {
		const [server, tunnel] = await Promise.all([tlsServer(), proxy()]);
		const result = await runCli(['--json', '--uri', `https://127.0.0.1:${server.port}`, '--ca-cert', pki.caCert, '--tls-server-name', 'milvus.test'], {HTTPS_PROXY: tunnel.url});
		expect(result.code).toBe(0);
		expect(tunnel.seen).toEqual([]);
	});

	test('--proxy with credentials: the proxy gets them, the output never shows them', async () => {
		const [server, tunnel] = await Promise.all([tlsServer(), proxy('proxyuser:pr0xy-s3cret')]);
		const withCredentials = tunnel.url.replace('http://', 'http://proxyuser:pr0xy-s3cret@');
		const result = await runCli(['--json', '--uri', server.url, '--ca-cert', pki.caCert, '--proxy', withCredentials]);
		expect(result.code).toBe(0);
		expect(tunnel.authorizations).toEqual([`Basic ${Buffer.from('proxyuser:pr0xy-s3cret').toString('base64')}`]);
		const refused = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert, '--proxy', tunnel.url, '--retries', '0']);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toContain(`the proxy ${tunnel.url} wants credentials: give them in the proxy URL, http://user:password@host:port (HTTP 407)`);
		expect(refused.stderr + result.stderr).not.toContain('s3cret');
	});
});

describe('http:// through a forward proxy', () => {
	test('HTTP_PROXY forwards the request (no tunnel, as curl does)', async () => {
		const server = await startDemoServer({tickMs: 0});
		cleanups.push(async () => server.close());
		const forward = await proxy();
		const result = await runCli(['--json', '--uri', `http://milvus.test:${server.port}`], {HTTP_PROXY: forward.url});
		expect(result.code).toBe(0);
		expect(forward.seen).toEqual([`http://milvus.test:${server.port}/v2/vectordb/jobs/import/list`]);
	});

	test('a proxy that is not there: the message names the proxy, not Milvus', async () => {
		const nowhere = await closedPortUrl();
		const result = await runCli(['--once', '--uri', 'http://milvus.invalid:19530', '--proxy', nowhere, '--retries', '0']);
		expect(result.code).toBe(3);
		expect(result.stderr.trim()).toBe(`milvus-import-top: cannot reach the proxy ${nowhere}: connection refused — check --proxy / HTTPS_PROXY / HTTP_PROXY, or list the server in NO_PROXY (server http://milvus.invalid:19530)`);
	});
});
