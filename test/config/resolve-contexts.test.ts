import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {contextKeyNames, parseConfigFile, type ConfigFile} from '../../source/config/config-file.js';
import {contextKeyOf, perServerFlags} from '../../source/config/resolve-contexts.js';
import {parseConfig, type ParseResult, type RunRequest} from '../../source/config/config.js';

const file = (text: string): ConfigFile => {
	const result = parseConfigFile(text, '/home/me/.config/milvus-import-top/config.yaml');
	if (!result.ok) {
		throw new Error(result.message);
	}

	return result.value;
};

const config = file([
	'contexts:',
	'  - name: staging',
	'    uri: staging.internal:19530',
	'    tokenEnv: STAGING_TOKEN',
	'    db: sales',
	'    timeout: 20',
	'  - name: prod',
	'    uri: https://milvus.example.com',
	'    tokenFile: prod.token',
	'    collections: [books, movies]',
	'  - name: cloud',
	'    cloud: true',
	'    clusterId: in01-0123',
	'    tokenEnv: ZILLIZ_API_KEY',
	'current: staging',
	'',
].join('\n'));

const processEnv = {STAGING_TOKEN: 'root:staging-secret', ZILLIZ_API_KEY: 'cloud-key'};

const parse = (argv: readonly string[], env: Record<string, string> = {}): ParseResult =>
	parseConfig(argv, env, {configFile: config, processEnv: {...processEnv, ...env}});

const run = (result: ParseResult): RunRequest => {
	if (result.kind !== 'run') {
		throw new Error(`expected a run, got ${JSON.stringify(result)}`);
	}

	return result;
};

describe('one context: its keys under the command line', () => {
	test('current: gives the address, database, timeout and the token from tokenEnv', () => {
		const request = run(parse([]));
		expect(request.config).toMatchObject({
			uri: 'http://staging.internal:19530', dbName: 'sales', timeoutMs: 20_000, token: 'root:staging-secret', contextName: 'staging',
		});
		expect(request.contexts?.map(context => context.name)).toEqual(['staging']);
	});

	test('flags win: --db over db:, a credential flag replaces the context\'s, --uri its address', () => {
		const request = run(parse(['--db', 'other', '--token-file', '/t', '--uri', 'elsewhere:1']));
		expect(request.config).toMatchObject({uri: 'http://elsewhere:1', dbName: 'other', token: undefined});
		expect(request.pending).toEqual({kind: 'token-file', path: '/t'});
	});

	test('tokenFile is read from the config file\'s folder; collections become --collection', () => {
		const request = run(parse(['--context', 'prod']));
		expect(request.pending).toEqual({kind: 'token-file', path: '/home/me/.config/milvus-import-top/prod.token'});
		expect(request.config.collections).toEqual(['books', 'movies']);
	});

	test('a cloud context', () => {
		const request = run(parse(['--context', 'cloud']));
		expect(request.connection.kind).toBe('cloud');
		expect(JSON.stringify(request.connection)).toContain('"in01-0123"');
		expect(request.config.token).toBe('cloud-key');
	});

	test('a project database context: projectId and regionId are --project-id and --region-id', () => {
		const project = file('contexts:\n  - name: serverless\n    cloud: true\n    projectId: proj-0123\n    regionId: aws-us-west-2\n    tokenEnv: ZILLIZ_API_KEY\n');
		const request = run(parseConfig([], {}, {configFile: project, processEnv}));
		expect(request.connection).toMatchObject({kind: 'cloud', target: {projectId: 'proj-0123', regionId: 'aws-us-west-2'}});
	});

	test('a bad value found when the key is used as its flag: one line naming the file, the key\'s line and the key', () => {
		const bad = file('contexts:\n  - name: prod\n    uri: http://p:1\n    proxy: "not a url"\n');
		const result = parseConfig([], {}, {configFile: bad});
		expect(result.kind).toBe('usage-error');
		const message = result.kind === 'usage-error' ? result.message : '';
		expect(message).toMatch(/^\/home\/me\/\.config\/milvus-import-top\/config\.yaml:4: proxy: context prod: /v);
		expect(message).not.toContain('\n');
	});

	test('every per-server flag of the command line has its key in the file', () => {
		// The flags of the connection, TLS/proxy and Zilliz Cloud groups are the per-server ones (--retries is how a script
		// waits), and --collection (listed under View: it narrows the screen, but which collections exist is the server's).
		const source = readFileSync(new URL('../../source/config/options.ts', import.meta.url), 'utf8');
		const declared = [...source.matchAll(/\.option\('(?<flag>[a-z\-]+)', \{group: (?:connection|secure|cloud),/gv)].map(match => match.groups!['flag']!);
		expect(declared.length).toBeGreaterThan(15);
		expect([...declared.filter(flag => flag !== 'retries'), 'collection'].toSorted()).toEqual([...perServerFlags].toSorted());
		for (const flag of perServerFlags) {
			expect(contextKeyNames, `--${flag} → ${contextKeyOf[flag]}`).toContain(contextKeyOf[flag]);
		}
	});

	test('MILVUS_URI and MILVUS_TOKEN do not leak into a context', () => {
		const request = run(parse(['--context', 'prod'], {MILVUS_URI: 'http://leak:1', MILVUS_TOKEN: 'leaked'}));
		expect(request.config.uri).toBe('https://milvus.example.com');
		expect(request.config.token).toBeUndefined();
	});

	test('readOnly: true is --read-only', () => {
		const readOnly = file('contexts:\n  - name: prod\n    uri: http://p:1\n    readOnly: true\n');
		const request = run(parseConfig([], {}, {configFile: readOnly}));
		expect(request.config.readOnly).toBe(true);
	});

	test('--demo ignores the file', () => {
		const request = run(parse(['--demo']));
		expect(request.contexts).toBeUndefined();
		expect(request.connection.kind).toBe('demo');
	});
});

describe('several contexts', () => {
	test('--context all: one run each, in the file\'s order, the view flags shared', () => {
		const request = run(parse(['--context', 'all', '--interval', '5', '--filter', 'books']));
		expect(request.contexts?.map(context => [context.name, context.config.uri, context.config.intervalMs, context.config.initialFilter])).toEqual([
			['staging', 'http://staging.internal:19530', 5000, 'books'],
			['prod', 'https://milvus.example.com', 5000, 'books'],
			['cloud', 'https://api.cloud.zilliz.com', 5000, 'books'],
		]);
	});

	test.each([['--uri', 'x:1'], ['--db', 'x'], ['--token', 't'], ['--collection', 'c'], ['--timeout', '3']])('%s is per server: a usage error', (flag, value) => {
		const result = parse(['--context', 'staging,prod', flag, value]);
		expect(result).toMatchObject({kind: 'usage-error', message: expect.stringContaining(`${flag} is set per context`) as unknown});
	});

	test('a view flag\'s own mistake is reported as without a file', () => {
		expect(parse(['--context', 'all', '--interval', 'soon'])).toEqual({kind: 'usage-error', message: '--interval must be a positive number of seconds, got "soon"'});
	});

	test('--wait --job needs CONTEXT/ID', () => {
		expect(run(parse(['--context', 'all', '--wait', '--job', 'prod/1'])).mode).toEqual({kind: 'wait', jobIds: ['prod/1']});
		expect(parse(['--context', 'all', '--wait', '--job', '1'])).toMatchObject({kind: 'usage-error'});
	});

	test('a tokenEnv that is not set names the context and the variable, never a value', () => {
		const result = parseConfig(['--context', 'all'], {}, {configFile: config, processEnv: {ZILLIZ_API_KEY: 'cloud-key'}});
		expect(result).toEqual({kind: 'usage-error', message: '/home/me/.config/milvus-import-top/config.yaml:2: context staging: the environment variable STAGING_TOKEN (tokenEnv) is not set'});
	});
});

test('--context without a config file is a usage error', () => {
	expect(parseConfig(['--context', 'a'], {})).toMatchObject({kind: 'usage-error', message: expect.stringContaining('--context needs a config file') as unknown});
});
