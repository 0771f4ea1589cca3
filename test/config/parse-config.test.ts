import {describe, expect, test} from 'vitest';
import {
	parseConfig, type Environment, type ParseResult, type RunRequest,
} from '../../source/config/config.js';

const utf8: Environment = {LANG: 'en_US.UTF-8'};

const run = (argv: string[], env: Environment = utf8): RunRequest => {
	const result = parseConfig(argv, env, {version: '9.8.7'});
	if (result.kind !== 'run') {
		throw new Error(`expected a run, got ${JSON.stringify(result)}`);
	}

	return result;
};

const usageError = (argv: string[], env: Environment = utf8): string => {
	const result: ParseResult = parseConfig(argv, env);
	if (result.kind !== 'usage-error') {
		throw new Error(`expected a usage error, got ${result.kind}`);
	}

	return result.message;
};

describe('defaults', () => {
	test('no flags, no environment', () => {
		const {config, mode, connection, pending, retries} = run([]);
		expect(config).toEqual({
			uri: 'http://localhost:19530',
			token: undefined,
			dbName: undefined,
			collections: [],
			intervalMs: 2000,
			timeoutMs: 10_000,
			initialStates: [],
			initialFilter: '',
			initialSort: {column: 'state', reverse: false},
			color: true,
			ascii: false,
			bell: false,
			stallAfterMs: 300_000,
			readOnly: false,
			transport: {
				caCert: undefined, clientCert: undefined, clientKey: undefined, tlsServerName: undefined, insecure: false, proxy: undefined,
			},
		});
		expect(mode).toEqual({kind: 'live'});
		expect(connection).toEqual({kind: 'milvus'});
		expect(pending).toBeUndefined();
		expect(retries).toBe(3);
	});
});

describe('precedence: flag > environment > default', () => {
	test.each([
		[['--uri', 'flag:1'], {MILVUS_URI: 'env:2'}, 'http://flag:1'],
		[[], {MILVUS_URI: 'env:2'}, 'http://env:2'],
		[[], {MILVUS_URI: ''}, 'http://localhost:19530'],
		[[], {}, 'http://localhost:19530'],
	])('uri %j %j → %s', (argv, env, uri) => {
		expect(run(argv, env).config.uri).toBe(uri);
	});

	test.each([
		[['--db', 'flagdb'], {MILVUS_DB_NAME: 'envdb'}, 'flagdb'],
		[[], {MILVUS_DB_NAME: 'envdb'}, 'envdb'],
		[[], {}, undefined],
	])('db %j %j → %s', (argv, env, dbName) => {
		expect(run(argv, env).config.dbName).toBe(dbName);
	});

	test.each([
		[['--token', 'flag'], {MILVUS_TOKEN: 'env'}, 'flag'],
		[[], {MILVUS_TOKEN: 'env'}, 'env'],
		[[], {MILVUS_TOKEN: 'env', MILVUS_USER: 'u', MILVUS_PASSWORD: 'p'}, 'env'],
		[[], {MILVUS_USER: 'u', MILVUS_PASSWORD: 'p:with:colons'}, 'u:p:with:colons'],
		[['--user', 'flaguser', '--password', 'flagpw'], {MILVUS_TOKEN: 'env'}, 'flaguser:flagpw'],
		[['--user', 'flaguser'], {MILVUS_PASSWORD: 'envpw'}, 'flaguser:envpw'],
		[['--uri', 'http://a:b@host:1'], {MILVUS_TOKEN: 'env'}, 'a:b'],
		[['--uri', 'http://a:b@host:1', '--token', 'flag'], {}, 'flag'],
		[[], {MILVUS_URI: 'http://a:b@host:1'}, 'a:b'],
	])('token %j %j → %s', (argv, env, token) => {
		const {config} = run(argv, env);
		expect(config.token).toBe(token);
		expect(config.uri).not.toContain('@');
	});

	test('a user without a password asks for it (cli/main.ts decides whether it can)', () => {
		expect(run(['--user', 'root'], {}).pending).toEqual({kind: 'password-prompt', user: 'root'});
		expect(run([], {MILVUS_USER: 'root'}).pending).toEqual({kind: 'password-prompt', user: 'root'});
	});

	test('--token-file is read later, by cli/main.ts', () => {
		const request = run(['--token-file', '/run/secrets/milvus'], {MILVUS_TOKEN: 'env'});
		expect(request.pending).toEqual({kind: 'token-file', path: '/run/secrets/milvus'});
		expect(request.config.token).toBeUndefined();
	});

	test('cluster id', () => {
		expect(run(['--cloud', '--cluster-id', 'in01-flag'], {ZILLIZ_CLUSTER_ID: 'in01-env', MILVUS_TOKEN: 'k'}).connection)
			.toEqual({
				kind: 'cloud', target: {clusterId: 'in01-flag'}, endpoint: 'https://api.cloud.zilliz.com',
			});
		expect(run(['--cloud'], {ZILLIZ_CLUSTER_ID: 'in01-env', MILVUS_TOKEN: 'k'}).connection)
			.toEqual({
				kind: 'cloud', target: {clusterId: 'in01-env'}, endpoint: 'https://api.cloud.zilliz.com',
			});
	});

	test('a project database: --project-id with --region-id, never with --cluster-id', () => {
		expect(run(['--cloud', '--project-id', 'proj-1', '--region-id', 'aws-us-west-2', '--token', 'k']).connection).toEqual({
			kind: 'cloud', target: {projectId: 'proj-1', regionId: 'aws-us-west-2'}, endpoint: 'https://api.cloud.zilliz.com',
		});
		expect(run(['--cloud'], {ZILLIZ_PROJECT_ID: 'proj-1', ZILLIZ_REGION_ID: 'gcp-us-west1', MILVUS_TOKEN: 'k'}).connection).toMatchObject({
			target: {projectId: 'proj-1', regionId: 'gcp-us-west1'},
		});
		const usage = (args: readonly string[]): string => {
			const result = parseConfig(args, {MILVUS_TOKEN: 'k'});
			return result.kind === 'usage-error' ? result.message : '';
		};

		expect(usage(['--cloud', '--project-id', 'proj-1'])).toContain('go together');
		expect(usage(['--cloud', '--cluster-id', 'c', '--project-id', 'p', '--region-id', 'r'])).toContain('one or the other');
		expect(usage(['--project-id', 'p'])).not.toBe('');
	});

	test('--cloud ignores MILVUS_URI and uses the endpoint as the shown uri', () => {
		const request = run(['--cloud', '--cloud-endpoint', 'https://api.cloud.zilliz.com.cn'], {ZILLIZ_CLUSTER_ID: 'c', MILVUS_TOKEN: 'k', MILVUS_URI: 'other:1'});
		expect(request.config.uri).toBe('https://api.cloud.zilliz.com.cn');
	});

	test('--demo ignores MILVUS_URI and has no flavor unless asked', () => {
		expect(run(['--demo'], {MILVUS_URI: 'other:1'}).connection).toEqual({kind: 'demo', flavor: undefined});
	});

	test('colour: flag, NO_COLOR and TERM=dumb', () => {
		expect(run(['--no-color']).config.color).toBe(false);
		expect(run([], {NO_COLOR: '1'}).config.color).toBe(false);
		expect(run([], {TERM: 'dumb'}).config.color).toBe(false);
		expect(run(['--color']).config.color).toBe(true);
	});

	test('ascii: flag or a non-UTF-8 locale', () => {
		expect(run(['--ascii']).config.ascii).toBe(true);
		expect(run([], {LANG: 'C'}).config.ascii).toBe(true);
		expect(run([], {LC_ALL: 'en_US.UTF-8'}).config.ascii).toBe(false);
	});
});

describe('view and mode flags', () => {
	test('repeatable and comma-separated lists', () => {
		const {config} = run(['--collection', 'books', '--collection', 'movies,books', '--state', 'failed,importing', '--state', 'Pending']);
		expect(config.collections).toEqual(['books', 'movies']);
		expect(config.initialStates).toEqual(['Failed', 'Importing', 'Pending']);
	});

	test('filter, sort, bell, interval, timeout, retries', () => {
		const request = run(['--filter', '!timeout', '--sort=-progress', '--bell', '--interval', '0.2', '--timeout', '30', '--retries', '0']);
		expect(request.config.initialFilter).toBe('!timeout');
		expect(request.config.initialSort).toEqual({column: 'progress', reverse: true});
		expect(request.config.bell).toBe(true);
		expect(request.config.intervalMs).toBe(500);
		expect(request.config.timeoutMs).toBe(30_000);
		expect(request.retries).toBe(0);
	});

	test.each([
		[['--once'], {kind: 'once'}],
		[['--json'], {kind: 'json', watch: false}],
		[['--json', '--watch'], {kind: 'json', watch: true}],
		[['--wait'], {kind: 'wait', jobIds: []}],
		[['--wait', '--job', '1', '--job', 'job-2,3'], {kind: 'wait', jobIds: ['1', 'job-2', '3']}],
	])('%j', (argv, mode) => {
		expect(run(argv).mode).toEqual(mode);
	});

	test('a repeated scalar flag: the last one wins', () => {
		expect(run(['--uri', 'a:1', '--uri', 'b:2']).config.uri).toBe('http://b:2');
	});
});

describe('usage errors', () => {
	test.each([
		[['--bogus'], 'unknown option --bogus'],
		[['--interval', '-1'], '--interval'],
		[['--interval', 'soon'], '--interval'],
		[['--timeout', '0'], '--timeout'],
		[['--retries', 'many'], '--retries'],
		[['--uri', 'http://a b'], 'cannot parse'],
		[['--uri', 'grpc://x:1'], 'unsupported scheme'],
		[['--state', 'done'], 'unknown state'],
		[['--sort', 'size'], 'unknown sort column'],
		[['--watch'], '--watch only works with --json'],
		[['--job', '1'], '--job only works with --wait'],
		[['--flavor', '2.4'], '--flavor only works with --demo'],
		[['--cluster-id', 'x'], '--cluster-id only works with --cloud'],
		[['--demo', '--uri', 'x:1'], 'cannot be used together'],
		[['--wait', '--json'], 'cannot be used together'],
		[['--once', '--json'], 'cannot be used together'],
		[['--token', 'a', '--user', 'b'], 'cannot be used together'],
		[['--password', 'x'], '--password needs --user'],
		[['--cloud', '--token', 'k'], '--cloud needs --cluster-id'],
		[['--cloud', '--cluster-id', 'c'], '--cloud needs an API key'],
		[['--token', ' '], '--token is empty'],
		[['demo-server', '--port', '70000'], '--port'],
		[['demo-server', '--auth', 'nocolon'], '--auth'],
		[['demo-server', '--uri', 'x'], 'unknown option --uri'],
		[['--demo', '--flavor', '9.9'], 'unknown demo flavor "9.9" (one of 2.4.0, 2.4, 2.5, 2.6, 3.0, 3.0-v3, cloud)'],
		[['demo-server', '--flavor', 'nope'], 'unknown demo flavor'],
	])('%j', (argv, reason) => {
		expect(usageError(argv)).toContain(reason);
	});

	test('one line, even for yargs messages', () => {
		for (const argv of [['--bogus'], ['--interval', '-3'], ['extra', 'words']]) {
			expect(usageError(argv)).not.toContain('\n');
		}
	});

	test('a mistyped flag does not echo the secret that follows it', () => {
		const message = usageError(['--tokne', 's3cr3t-token', 'another-secret']);
		expect(message).toContain('--tokne');
		expect(message).not.toContain('s3cr3t');
		expect(message).not.toContain('another-secret');
	});

	test('unknown flavor, when a checker is given', () => {
		const checkFlavor = (name: string): string | undefined => (name === '2.4' ? '2.4' : undefined);
		expect(parseConfig(['--demo', '--flavor', 'x'], {}, {checkFlavor})).toMatchObject({kind: 'usage-error', message: expect.stringContaining('unknown demo flavor "x"') as unknown});
		expect(parseConfig(['--demo', '--flavor', '2.4'], {}, {checkFlavor})).toMatchObject({connection: {kind: 'demo', flavor: '2.4'}});
	});
});

describe('help, version, demo-server', () => {
	test('--version prints the version given', () => {
		expect(parseConfig(['--version'], {}, {version: '9.8.7'})).toEqual({kind: 'version', text: '9.8.7'});
	});

	test('--help lists every flag, examples, the environment and the token warning', () => {
		const result = parseConfig(['--help'], {});
		const text = result.kind === 'help' ? result.text : '';
		const flags = [
			'uri',
			'token',
			'token-file',
			'user',
			'password',
			'db',
			'collection',
			'interval',
			'timeout',
			'state',
			'filter',
			'sort',
			'demo',
			'flavor',
			'color',
			'ascii',
			'bell',
			'once',
			'json',
			'watch',
			'wait',
			'job',
			'retries',
			'cloud',
			'cluster-id',
			'cloud-endpoint',
		];
		for (const flag of flags) {
			expect(text).toContain(`--${flag} `);
		}

		expect(text).toContain('demo-server');
		expect(text).toContain('Examples:');
		expect(text).toContain('MILVUS_TOKEN');
		expect(text).toMatch(/visible\s+to other users/v);
		expect(text).toContain('--token-file');
	});

	test('demo-server options', () => {
		expect(parseConfig(['demo-server'], {})).toEqual({
			kind: 'demo-server', port: 19_530, auth: undefined, flavor: undefined, logRequests: false,
		});
		expect(parseConfig(['demo-server', '--port', '0', '--auth', 'root:Mil:vus', '--flavor', 'v2.5', '--log-requests'], {}))
			.toEqual({
				kind: 'demo-server', port: 0, auth: {user: 'root', password: 'Mil:vus'}, flavor: '2.5', logRequests: true,
			});
	});
});
