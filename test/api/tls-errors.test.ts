import {
	afterAll, afterEach, beforeAll, describe, expect, test,
} from 'vitest';
import {classifyFetchError, describeError} from '../../source/api/errors.js';
import {classifyResponse} from '../../source/api/response.js';
import {tlsProblemOf} from '../../source/api/tls-errors.js';
import type {ApiError} from '../../source/api/types.js';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';
import {tlsPost} from '../helpers/tls-request.js';

/** Real handshakes against the demo server, so the codes are the ones Node raises (fetch carries the same error as its cause). */
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

const serve = async (cert: string, key: string, clientCa?: string): Promise<DemoServer> => {
	const server = await startDemoServer({
		seed: 'none',
		tls: {cert: await pki.read(cert), key: await pki.read(key), ...(clientCa === undefined ? {} : {clientCa: await pki.read(clientCa)})},
	});
	servers.push(server);
	return server;
};

const context = {
	uri: 'https://milvus', timedOut: false, afterMs: 1000, aborted: false,
};

/** The ApiError for a request with these TLS options (the request must fail). */
const failure = async (url: string, options: Parameters<typeof tlsPost>[1], sentClientCert = false): Promise<ApiError> => {
	const outcome = await tlsPost(url, options);
	if (outcome.ok) {
		throw new Error(`expected a failure, got HTTP ${outcome.status}`);
	}

	return classifyFetchError(outcome.error, {...context, sentClientCert});
};

describe('handshake failures say what is wrong and what to do', () => {
	test('private CA not given: "not trusted: signed by an unknown CA — give the CA with --ca-cert"', async () => {
		const server = await serve(pki.serverCert, pki.serverKey);
		const error = await failure(server.url, {});
		expect(error).toMatchObject({kind: 'tls', problem: 'untrusted'});
		expect(describeError(error)).toBe('the server\'s certificate is not trusted: signed by an unknown CA — give the CA with --ca-cert');
	});

	test('self-signed server certificate', async () => {
		const server = await serve(pki.selfSignedCert, pki.selfSignedKey);
		const error = await failure(server.url, {});
		expect(error).toMatchObject({kind: 'tls', problem: 'self-signed'});
		expect(describeError(error)).toContain('self-signed — give it with --ca-cert');
	});

	test('a certificate for another name: says which names it has and points to --tls-server-name', async () => {
		const server = await serve(pki.namedServerCert, pki.namedServerKey);
		const ca = await pki.read(pki.caCert);
		const error = await failure(server.url, {ca});
		expect(error).toEqual({kind: 'tls', problem: 'name-mismatch', detail: 'DNS:milvus.test'});
		expect(describeError(error)).toBe('the server\'s certificate does not name the host in --uri (it is for DNS:milvus.test) — use that name in --uri, or --tls-server-name NAME');
		expect(await tlsPost(server.url, {ca, servername: 'milvus.test'})).toMatchObject({ok: true, status: 200});
	});

	test('expired certificate', async () => {
		const server = await serve(pki.expiredServerCert, pki.expiredServerKey);
		const error = await failure(server.url, {ca: await pki.read(pki.caCert)});
		expect(error).toMatchObject({kind: 'tls', problem: 'expired'});
		expect(describeError(error)).toContain('has expired');
	});

	test('mutual TLS without a client certificate', async () => {
		const server = await serve(pki.serverCert, pki.serverKey, pki.caCert);
		const error = await failure(server.url, {ca: await pki.read(pki.caCert)});
		expect(error).toMatchObject({kind: 'tls', problem: 'client-cert-required'});
		expect(describeError(error)).toBe('the server requires a client certificate (mutual TLS) — give --client-cert and --client-key');
	});

	test('https:// to a plain HTTP port', async () => {
		const server = await startDemoServer({seed: 'none'});
		servers.push(server);
		const error = await failure(server.url.replace('http:', 'https:'), {});
		expect(error).toMatchObject({kind: 'tls', problem: 'not-tls'});
		expect(describeError(error)).toBe('the server does not speak TLS on this port — use http:// in --uri (or the server\'s TLS port)');
	});

	test('http:// to a TLS port: the 400 Go (and our demo) answers', async () => {
		const server = await serve(pki.serverCert, pki.serverKey);
		const outcome = await tlsPost(server.url.replace('https:', 'http:'));
		if (!outcome.ok) {
			throw outcome.error;
		}

		const result = classifyResponse({...outcome, location: '', retryAfter: ''}, {endpoint: '/v2/vectordb/jobs/import/list', timeoutMs: 1000, redact: text => text});
		expect(result).toEqual({ok: false, error: {kind: 'tls', problem: 'tls-port', detail: ''}});
		expect(describeError({kind: 'tls', problem: 'tls-port', detail: ''})).toBe('the server speaks TLS on this port — use https:// in --uri');
	});

	test('nginx\'s page for plain HTTP on its TLS port counts too', () => {
		const page = '<html><head><title>400 The plain HTTP request was sent to HTTPS port</title></head></html>';
		const raw = {
			status: 400, text: page, location: '', retryAfter: '',
		};
		const result = classifyResponse(raw, {endpoint: '/x', timeoutMs: 1000, redact: text => text});
		expect(result).toMatchObject({ok: false, error: {kind: 'tls', problem: 'tls-port'}});
	});
});

describe('alert codes', () => {
	test.each([
		['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', true, 'client-cert-refused'],
		['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', false, 'client-cert-required'],
		['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', true, 'client-cert-refused'],
		['SELF_SIGNED_CERT_IN_CHAIN', false, 'untrusted'],
		['ERR_SSL_SOMETHING_NEW', false, 'handshake'],
		['ECONNREFUSED', false, undefined],
	] as const)('%s (client certificate sent: %s) → %s', (code, sent, problem) => {
		expect(tlsProblemOf(code, sent)).toBe(problem);
	});

	test('a refusal names the alert, and a TLS failure is one line without the error\'s text', () => {
		const cause = Object.assign(new Error('write EPROTO 4089:error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca'), {code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA'});
		const error = classifyFetchError(new TypeError('fetch failed', {cause}), {...context, sentClientCert: true});
		expect(describeError(error)).toBe('the server refused our client certificate (unknown ca) — is --client-cert signed by a CA the server trusts, and still valid?');
	});
});
