import {describe, expect, test} from 'vitest';
import {
	parseConfig, type Environment, type ParseResult, type RunRequest,
} from '../../source/config/config.js';
import {noProxyMatches} from '../../source/config/no-proxy.js';
import {chooseProxy, resolveTransport} from '../../source/config/transport.js';

const run = (argv: string[], env: Environment = {}): RunRequest => {
	const result = parseConfig(argv, env);
	if (result.kind !== 'run') {
		throw new Error(`expected a run, got ${JSON.stringify(result)}`);
	}

	return result;
};

const usageError = (argv: string[], env: Environment = {}): string => {
	const result: ParseResult = parseConfig(argv, env);
	if (result.kind !== 'usage-error') {
		throw new Error(`expected a usage error, got ${result.kind}`);
	}

	return result.message;
};

describe('TLS flags', () => {
	test('every TLS setting lands in config.transport', () => {
		const {config} = run(['--uri', 'https://10.0.0.5:19530', '--ca-cert', 'ca.pem', '--client-cert', 'c.pem', '--client-key', 'c.key', '--tls-server-name', 'milvus.corp', '--insecure']);
		expect(config.transport).toEqual({
			caCert: 'ca.pem', clientCert: 'c.pem', clientKey: 'c.key', tlsServerName: 'milvus.corp', insecure: true, proxy: undefined,
		});
	});

	test('a bare host:port with a TLS flag means https:// (and keeps the Milvus port)', () => {
		expect(run(['--uri', 'milvus.corp', '--ca-cert', 'ca.pem']).config.uri).toBe('https://milvus.corp:19530');
		expect(run(['--insecure']).config.uri).toBe('https://localhost:19530');
		expect(run([], {MILVUS_URI: 'milvus.corp:443'}).config.uri).toBe('http://milvus.corp:443');
	});

	const cases: ReadonlyArray<{readonly argv: readonly string[]; readonly message: string; readonly env?: Environment}> = [
		{argv: ['--uri', 'http://milvus:19530', '--ca-cert', 'ca.pem'], message: '--ca-cert only works with an https:// server (the address is http://milvus:19530)'},
		{argv: ['--uri', 'https://m', '--client-cert', 'c.pem'], message: '--client-cert needs --client-key'},
		{argv: ['--uri', 'https://m', '--client-key', 'c.key'], message: '--client-key needs --client-cert'},
		{argv: ['--uri', 'https://m', '--ca-cert', ''], message: '--ca-cert needs a path'},
		{argv: ['--uri', 'https://m', '--tls-server-name', 'a b'], message: '--tls-server-name must be a host name'},
		{argv: ['--uri', 'https://m', '--tls-server-name', '10.0.0.5'], message: '--tls-server-name must be a host name'},
		{argv: ['--demo', '--insecure'], message: '--demo and --insecure cannot be used together'},
		{argv: ['--demo', '--proxy', 'http://p:3128'], message: '--demo and --proxy cannot be used together'},
		{argv: ['--proxy', 'socks5://p:1080'], message: 'unsupported proxy scheme "socks5:" in --proxy'},
		{argv: ['--uri', 'milvus:19530'], message: 'cannot parse the proxy address in HTTP_PROXY', env: {HTTP_PROXY: 'http://a b'}},
	];
	test.each(cases)('$argv → $message', ({argv, message, env}) => {
		expect(usageError([...argv], env)).toContain(message);
	});

	test('--cloud takes TLS flags for its https endpoint (a corporate CA in front of it)', () => {
		const {config} = run(['--cloud', '--cluster-id', 'in01-x', '--token', 'k', '--ca-cert', 'corp.pem']);
		expect(config.transport.caCert).toBe('corp.pem');
	});
});

describe('resolveTransport: the same checks for values from a config file\'s context', () => {
	test('a context\'s values, with the environment\'s proxy', () => {
		expect(resolveTransport({caCert: 'ca.pem', tlsServerName: ' milvus.corp '}, {HTTPS_PROXY: 'http://p:1'}, 'https://10.0.0.5:19530')).toEqual({
			ok: true,
			value: {
				caCert: 'ca.pem', clientCert: undefined, clientKey: undefined, tlsServerName: 'milvus.corp', insecure: false, proxy: 'http://p:1',
			},
		});
	});

	test('the same refusals as the flags', () => {
		expect(resolveTransport({insecure: true}, {}, 'http://m:19530')).toEqual({ok: false, message: '--insecure only works with an https:// server (the address is http://m:19530)'});
		expect(resolveTransport({clientKey: 'k'}, {}, 'https://m:19530')).toEqual({ok: false, message: '--client-key needs --client-cert'});
		expect(resolveTransport({insecure: false}, {}, 'http://m:19530').ok).toBe(true);
	});
});

describe('proxies, as curl reads them', () => {
	test.each([
		['https://m:19530', undefined, {HTTPS_PROXY: 'http://p:3128'}, 'http://p:3128'],
		['https://m:19530', undefined, {https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2'}, 'http://lower:1'],
		['https://m:19530', undefined, {HTTP_PROXY: 'http://p:3128'}, undefined],
		['http://m:19530', undefined, {HTTP_PROXY: 'p:3128'}, 'http://p:3128'],
		['http://m:19530', undefined, {ALL_PROXY: 'http://all:1'}, 'http://all:1'],
		['http://m:19530', 'http://flag:1', {HTTP_PROXY: 'http://env:2'}, 'http://flag:1'],
		['http://m:19530', 'http://flag:1', {NO_PROXY: 'm'}, undefined],
		['https://db.corp.example:19530', undefined, {HTTPS_PROXY: 'http://p:1', NO_PROXY: 'localhost,.corp.example'}, undefined],
		['https://db.corp.example:19530', undefined, {HTTPS_PROXY: 'http://p:1', no_proxy: '', NO_PROXY: 'other'}, 'http://p:1'],
		['http://localhost:19530', 'http://flag:1', {}, undefined],
		['http://127.0.0.1:19530', undefined, {HTTP_PROXY: 'http://p:1'}, undefined],
		['https://[::1]:19530', undefined, {HTTPS_PROXY: 'http://p:1'}, undefined],
		['http://127.example:19530', undefined, {HTTP_PROXY: 'http://p:1'}, 'http://p:1'],
	] as const)('%s, --proxy %s, %j → %s', (target, explicit, env, expected) => {
		expect(chooseProxy(target, explicit, env)).toEqual({ok: true, value: expected});
	});

	test('a proxy from the environment lands in config.transport.proxy; with credentials kept for the proxy only', () => {
		const {config} = run(['--uri', 'https://m'], {HTTPS_PROXY: 'http://user:pw@proxy:3128'});
		expect(config.transport.proxy).toBe('http://user:pw@proxy:3128');
	});

	test('a bad proxy never echoes its credentials', () => {
		const message = usageError(['--proxy', 'ftp://user:s3cret@p']);
		expect(message).not.toContain('s3cret');
	});
});

describe('NO_PROXY', () => {
	const matches = (noProxy: string, url: string): boolean => noProxyMatches(noProxy, new URL(url));
	test.each([
		['*', 'http://anything:1', true],
		['example.com', 'http://example.com', true],
		['example.com', 'http://db.example.com', true],
		['.example.com', 'http://db.example.com', true],
		['*.example.com', 'http://db.example.com', true],
		['example.com', 'http://badexample.com', false],
		['localhost, 127.0.0.1', 'http://127.0.0.1:19530', true],
		['10.0.0.0/8', 'http://10.1.2.3:19530', true],
		['10.0.0.0/8', 'http://11.1.2.3:19530', false],
		['::1', 'http://[::1]:19530', true],
		['fd00::/8', 'http://[fd12::1]:19530', true],
		['milvus:19530', 'http://milvus:19530', true],
		['milvus:19530', 'http://milvus:443', false],
		['Example.COM.', 'http://example.com', true],
		['1.2.3.4', 'http://11.2.3.4', false],
		['', 'http://x', false],
	] as const)('%j vs %s → %s', (noProxy, url, expected) => {
		expect(matches(noProxy, url)).toBe(expected);
	});
});
