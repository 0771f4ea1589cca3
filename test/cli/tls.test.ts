import {
	afterAll, afterEach, beforeAll, describe, expect, test,
} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {makeTestPki, type TestPki} from '../helpers/certs.js';
import {startCountingRelay} from '../helpers/proxy.js';
import {
	cliPath, runCli, spawnCli, type CliResult,
} from '../helpers/run-cli.js';
import {startTerm} from '../helpers/term.js';

/** The built CLI against the demo server over TLS, with certificates made for this run. */
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

type Files = {readonly cert: string; readonly key: string; readonly clientCa?: string};

const serve = async (given?: Files): Promise<DemoServer> => {
	const files = given ?? {cert: pki.serverCert, key: pki.serverKey};
	const server = await startDemoServer({
		tickMs: 0,
		tls: {
			cert: await pki.read(files.cert), key: await pki.read(files.key), ...(files.clientCa === undefined ? {} : {clientCa: await pki.read(files.clientCa)}),
		},
	});
	cleanups.push(async () => server.close());
	return server;
};

/** The one line on stderr (the prefix stripped). */
const errorLine = (result: CliResult): string => {
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(result.stderr).not.toMatch(/\n\s+at |BEGIN|PRIVATE/v); // No stack, no key.
	return lines[0]!.replace(/^milvus-import-top: /v, '');
};

const jobsIn = (result: CliResult): number => {
	const document = JSON.parse(result.stdout) as {readonly jobs: readonly unknown[]}; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the CLI's own --json
	return document.jobs.length;
};

describe('a private CA', () => {
	test('accepted with --ca-cert', async () => {
		const server = await serve();
		const result = await runCli(['--json', '--uri', server.url, '--ca-cert', pki.caCert]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(jobsIn(result)).toBeGreaterThan(0);
	});

	test('refused without it: the message, exit 3, one connection (no retries)', async () => {
		const server = await serve();
		const relay = await startCountingRelay(server.port);
		cleanups.push(async () => relay.close());
		const uri = `https://127.0.0.1:${relay.port}`;
		const result = await runCli(['--once', '--uri', uri, '--retries', '5', '--interval', '0.5']);
		expect(result.code).toBe(3);
		expect(result.stdout).toBe('');
		expect(errorLine(result)).toBe(`the server's certificate is not trusted: signed by an unknown CA — give the CA with --ca-cert (server ${uri})`);
		expect(relay.connections()).toBe(1);
	});

	test('--wait gives up at once too', async () => {
		const server = await serve();
		const result = await runCli(['--wait', '--uri', server.url, '--retries', '5', '--interval', '0.5']);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('not trusted: signed by an unknown CA');
		expect(result.stderr).not.toContain('gave up after');
	});

	test('a bare host:port with --ca-cert means https://', async () => {
		const server = await serve();
		const result = await runCli(['--json', '--uri', `127.0.0.1:${server.port}`, '--ca-cert', pki.caCert]);
		expect(result.code).toBe(0);
	});
});

describe('mutual TLS', () => {
	test('works with --client-cert/--client-key', async () => {
		const server = await serve({cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert});
		const result = await runCli(['--json', '--uri', server.url, '--ca-cert', pki.caCert, '--client-cert', pki.clientCert, '--client-key', pki.clientKey]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(jobsIn(result)).toBeGreaterThan(0);
	});

	test('fails clearly without them', async () => {
		const server = await serve({cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert});
		const result = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert]);
		expect(result.code).toBe(3);
		expect(errorLine(result)).toBe(`the server requires a client certificate (mutual TLS) — give --client-cert and --client-key (server ${server.url})`);
	});

	test('a client certificate from another CA is refused', async () => {
		const server = await serve({cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert});
		const result = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert, '--client-cert', pki.strangerCert, '--client-key', pki.strangerKey]);
		expect(result.code).toBe(3);
		const why = 'it closed the connection right after the TLS handshake';
		expect(errorLine(result)).toBe(`the server refused our client certificate (${why}) — is --client-cert signed by a CA the server trusts, and still valid? (server ${server.url})`);
	});

	test('an encrypted client key asks for its passphrase on the terminal, without echo', async () => {
		const server = await serve({cert: pki.serverCert, key: pki.serverKey, clientCa: pki.caCert});
		const term = startTerm(process.execPath, [cliPath, '--once', '--uri', server.url, '--ca-cert', pki.caCert, '--client-cert', pki.clientCert, '--client-key', pki.encryptedClientKey]);
		await term.waitForText(`Passphrase for ${pki.encryptedClientKey}:`);
		term.write(`${pki.passphrase}\r`);
		expect(await term.waitForExit()).toBe(0);
		expect(term.output()).not.toContain(pki.passphrase);
		expect(term.text()).toContain('Importing');
	});

	test('demo-server --tls-cert --tls-key --client-ca serves mutual TLS to the CLI', async () => {
		const demo = spawnCli(['demo-server', '--port', '0', '--tls-cert', pki.serverCert, '--tls-key', pki.serverKey, '--client-ca', pki.caCert]);
		cleanups.push(async () => {
			demo.child.kill('SIGTERM');
			await demo.result;
		});
		await demo.waitForStdout('Ctrl-C to stop');
		expect(demo.stdout()).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+ \(auth off, mutual TLS: client certificates required\)/v);
		const url = /(https:\/\/127\.0\.0\.1:\d+)/v.exec(demo.stdout())![1]!;
		const result = await runCli(['--json', '--uri', url, '--ca-cert', pki.caCert, '--client-cert', pki.clientCert, '--client-key', pki.clientKey]);
		expect(result.code).toBe(0);
		expect(jobsIn(result)).toBeGreaterThan(0);
	});

	test('demo-server TLS flags: usage errors name the flag and path', async () => {
		const half = await runCli(['demo-server', '--tls-cert', pki.serverCert]);
		expect(half.code).toBe(2);
		expect(half.stderr).toContain('--tls-cert needs --tls-key');
		const swapped = await runCli(['demo-server', '--port', '0', '--tls-cert', pki.serverCert, '--tls-key', pki.strangerKey]);
		expect(swapped.code).toBe(2);
		expect(swapped.stderr).toContain('--tls-key is not the key of --tls-cert');
	});

	test('an encrypted key with no terminal to ask on: a usage error before any request', async () => {
		const result = await runCli(['--once', '--uri', 'https://127.0.0.1:1', '--client-cert', pki.clientCert, '--client-key', pki.encryptedClientKey]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`--client-key ${pki.encryptedClientKey} is encrypted and there is no terminal to ask its passphrase on`);
	});
});

describe('names, expiry, insecure, wrong scheme', () => {
	test('--tls-server-name against an IP: the name mismatch says so, the flag fixes it', async () => {
		const server = await serve({cert: pki.namedServerCert, key: pki.namedServerKey});
		const without = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert]);
		expect(without.code).toBe(3);
		expect(errorLine(without)).toContain('does not name the host in --uri (it is for DNS:milvus.test) — use that name in --uri, or --tls-server-name NAME');
		const fixed = await runCli(['--json', '--uri', server.url, '--ca-cert', pki.caCert, '--tls-server-name', 'milvus.test']);
		expect(fixed.stderr).toBe('');
		expect(fixed.code).toBe(0);
	});

	test('an expired certificate', async () => {
		const server = await serve({cert: pki.expiredServerCert, key: pki.expiredServerKey});
		const result = await runCli(['--once', '--uri', server.url, '--ca-cert', pki.caCert]);
		expect(result.code).toBe(3);
		expect(errorLine(result)).toContain('the server\'s certificate has expired');
	});

	test('--insecure connects to an untrusted server and warns on every start', async () => {
		const server = await serve();
		for (const mode of ['--json', '--once']) {
			// eslint-disable-next-line no-await-in-loop -- one after the other
			const result = await runCli([mode, '--uri', server.url, '--insecure']);
			expect(result.code).toBe(0);
			expect(errorLine(result)).toBe('warning: --insecure: the server\'s TLS certificate is not verified (anyone on the path can read the token)');
		}
	});

	test('http:// to the TLS port, and https:// to a plain one', async () => {
		const server = await serve();
		const plainToTls = await runCli(['--once', '--uri', server.url.replace('https:', 'http:')]);
		expect(plainToTls.code).toBe(3);
		expect(errorLine(plainToTls)).toContain('the server speaks TLS on this port — use https:// in --uri');
		const plain = await startDemoServer({tickMs: 0});
		cleanups.push(async () => plain.close());
		const tlsToPlain = await runCli(['--once', '--uri', plain.url.replace('http:', 'https:')]);
		expect(tlsToPlain.code).toBe(3);
		expect(errorLine(tlsToPlain)).toContain('the server does not speak TLS on this port — use http:// in --uri');
	});
});
