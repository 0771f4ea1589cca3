import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	afterAll, beforeAll, describe, expect, test,
} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {runCli} from '../helpers/run-cli.js';

/** Two clusters with the same seed (so the same job ids), both with auth, each with its own password. */
let staging: DemoServer;
let prod: DemoServer;
let folder: string;
const stagingPassword = 'Staging-s3cret';
const prodPassword = 'Prod-s3cret';
const secrets = [stagingPassword, prodPassword];

const seeded = async (password: string): Promise<DemoServer> => startDemoServer({
	port: 0, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000, auth: {user: 'root', password},
});

const writeConfig = (name: string, text: string): string => {
	const path = join(folder, name);
	writeFileSync(path, text, {mode: 0o600});
	return path;
};

/** staging's token from an environment variable, prod's from a file next to the config. */
const twoContexts = (): string => writeConfig('config.yaml', [
	'contexts:',
	'  - name: staging',
	`    uri: ${staging.url}`,
	'    tokenEnv: STAGING_TOKEN',
	'  - name: prod',
	`    uri: ${prod.url}`,
	'    tokenFile: prod.token',
	'current: staging',
	'',
].join('\n'));

const env = {STAGING_TOKEN: `root:${stagingPassword}`};

beforeAll(async () => {
	[staging, prod] = await Promise.all([seeded(stagingPassword), seeded(prodPassword)]);
	folder = mkdtempSync(join(tmpdir(), 'mit-contexts-cli-'));
	writeFileSync(join(folder, 'prod.token'), `root:${prodPassword}\n`, {mode: 0o600});
});

afterAll(async () => {
	await Promise.all([staging.close(), prod.close()]);
});

const expectNoSecret = (...texts: string[]): void => {
	for (const text of texts) {
		for (const secret of secrets) {
			expect(text).not.toContain(secret);
		}
	}
};

type JsonJob = {readonly context: string; readonly jobId: string; readonly state: string};
type JsonContext = {readonly name: string; readonly status: string; readonly uri: string; readonly error: string | undefined};

/** The document as the test reads it (JSON's null error read as undefined). */
type Document = {readonly contexts: readonly JsonContext[]; readonly jobs: readonly JsonJob[]; readonly count: number; readonly uri: string};
const parse = (text: string): Document => {
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the shape is what the test checks
	const document = JSON.parse(text, (_, value: unknown) => value ?? undefined) as Document;
	return document;
};

describe('several contexts in the script modes', () => {
	test('--once: a CONTEXT column, and the same job id on both clusters is two rows; tokens from tokenEnv and tokenFile never printed', async () => {
		const result = await runCli(['--config', twoContexts(), '--context', 'all', '--once', '--sort', 'jobId'], env);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^CONTEXT\s+JOB ID\s+COLLECTION\s+STATE/v);
		const rows = lines.slice(1).map(line => line.split(/\s+/v));
		const firstId = rows[0]![1]!;
		expect(rows.filter(row => row[1] === firstId).map(row => row[0]!).toSorted((a, b) => a.localeCompare(b))).toEqual(['prod', 'staging']);
		expect(rows.filter(row => row[0] === 'staging').length).toBe(rows.filter(row => row[0] === 'prod').length);
		expectNoSecret(result.stdout, result.stderr);
	});

	test('--json: each job names its context, and each context has its status', async () => {
		const result = await runCli(['--config', twoContexts(), '--context', 'staging,prod', '--json'], env);
		expect(result.code).toBe(0);
		const document = parse(result.stdout);
		expect(document.contexts.map(context => [context.name, context.status, context.uri, context.error])).toEqual([
			['staging', 'ok', staging.url, undefined],
			['prod', 'ok', prod.url, undefined],
		]);
		expect(document.count).toBe(document.jobs.length);
		const ids = (name: string) => document.jobs.filter(job => job.context === name).map(job => job.jobId).toSorted((a, b) => a.localeCompare(b));
		expect(ids('staging').length).toBeGreaterThan(5);
		expect(ids('staging')).toEqual(ids('prod'));
		expectNoSecret(result.stdout, result.stderr);
	});

	test('--filter matches the context name', async () => {
		const result = await runCli(['--config', twoContexts(), '--context', 'all', '--once', '--filter', 'staging'], env);
		const contexts = new Set(result.stdout.trimEnd().split('\n').slice(1).map(line => line.split(/\s+/v)[0]));
		expect([...contexts]).toEqual(['staging']);
	});

	test('refused credentials in one context: its line names it, the other\'s rows are printed, exit 3, no token shown', async () => {
		const result = await runCli(['--config', twoContexts(), '--context', 'all', '--once'], {STAGING_TOKEN: 'root:wrong-Staging-s3cret-guess'});
		expect(result.code).toBe(3);
		expect(result.stderr).toMatch(/^milvus-import-top: context staging: credentials refused/v);
		expect(result.stdout.split('\n').slice(1).filter(line => line !== '').every(line => line.startsWith('prod '))).toBe(true);
		expect(result.stdout).toContain('prod ');
		expect(result.stderr).not.toContain('wrong-Staging');
		expectNoSecret(result.stdout, result.stderr);
	});

	test('one context unreachable: the other\'s jobs still come, --json marks it unreachable, exit 3', async () => {
		const down = await startDemoServer({port: 0});
		const {url} = down;
		await down.close();
		const config = writeConfig('down.yaml', `contexts:\n  - name: gone\n    uri: ${url}\n  - name: prod\n    uri: ${prod.url}\n    tokenFile: prod.token\n`);
		const result = await runCli(['--config', config, '--context', 'all', '--json', '--retries', '0'], env);
		expect(result.code).toBe(3);
		const document = parse(result.stdout);
		expect(document.contexts.map(context => context.status)).toEqual(['unreachable', 'ok']);
		expect(document.contexts[0]!.error).toContain('cannot reach');
		expect(document.jobs.length).toBeGreaterThan(5);
		expect(result.stderr).toMatch(/context gone: cannot reach/v);
	});

	test('--wait across contexts: CONTEXT/ID names a job; a bare id is a usage error', async () => {
		const listed = await runCli(['--config', twoContexts(), '--context', 'all', '--json', '--state', 'completed'], env);
		const completed = (parse(listed.stdout)).jobs;
		const one = completed.find(job => job.context === 'staging')!;
		const other = completed.find(job => job.context === 'prod')!;
		const result = await runCli(['--config', twoContexts(), '--context', 'all', '--wait', '--job', `staging/${one.jobId}`, '--job', `prod/${other.jobId}`, '--interval', '0.5'], env);
		expect(result.stdout).toContain('all 2 watched jobs completed');
		expect(result.code).toBe(0);
		const bare = await runCli(['--config', twoContexts(), '--context', 'all', '--wait', '--job', one.jobId], env);
		expect(bare.code).toBe(2);
		expect(bare.stderr).toContain('as CONTEXT/ID');
	});

	test('--wait feeds one journal: each context\'s jobs with its context and cluster, the same id twice; history --context reads one', async () => {
		const state = mkdtempSync(join(tmpdir(), 'mit-contexts-journal-'));
		const listed = await runCli(['--config', twoContexts(), '--context', 'all', '--json', '--state', 'completed'], env);
		const one = parse(listed.stdout).jobs.find(job => job.context === 'staging')!;
		const result = await runCli(['--config', twoContexts(), '--context', 'all', '--wait', '--job', `staging/${one.jobId}`, '--job', `prod/${one.jobId}`, '--interval', '0.5'], {...env, XDG_STATE_HOME: state});
		expect(result.code).toBe(0);
		const records = readFileSync(join(state, 'milvus-import-top', 'journal.jsonl'), 'utf8').trim().split('\n')
			.map(line => JSON.parse(line) as {jobId: string; context: string; cluster: string}); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the journal's own shape
		const same = records.filter(record => record.jobId === one.jobId).map(record => `${record.context} ${record.cluster}`);
		expect(same.toSorted()).toEqual([`prod ${prod.url}`, `staging ${staging.url}`]);
		expectNoSecret(readFileSync(join(state, 'milvus-import-top', 'journal.jsonl'), 'utf8'));
		const history = await runCli(['history', '--context', 'prod', '--json'], {XDG_STATE_HOME: state});
		expect(history.code).toBe(0);
		expect(history.stdout).toContain(one.jobId);
		expect(history.stdout).not.toContain('"staging"');
	});
});

describe('one context', () => {
	test('current: is used without --context, and a flag overrides the context\'s value', async () => {
		const chosen = await runCli(['--config', twoContexts(), '--json'], env);
		expect(chosen.code).toBe(0);
		expect((parse(chosen.stdout)).uri).toBe(staging.url);
		// --uri and --token replace the context's address and credentials.
		const overridden = await runCli(['--config', twoContexts(), '--json', '--uri', prod.url, '--token-file', join(folder, 'prod.token')], env);
		expect(overridden.code).toBe(0);
		expect((parse(overridden.stdout)).uri).toBe(prod.url);
		expectNoSecret(chosen.stdout, chosen.stderr, overridden.stdout, overridden.stderr);
	});

	test('--wait in the one context chosen: its journal records carry the context\'s name', async () => {
		const state = mkdtempSync(join(tmpdir(), 'mit-context-journal-'));
		const listed = await runCli(['--config', twoContexts(), '--json', '--state', 'completed'], env);
		const one = parse(listed.stdout).jobs[0]!;
		const result = await runCli(['--config', twoContexts(), '--wait', '--job', one.jobId, '--interval', '0.5'], {...env, XDG_STATE_HOME: state});
		expect(result.code).toBe(0);
		const records = readFileSync(join(state, 'milvus-import-top', 'journal.jsonl'), 'utf8').trim().split('\n')
			.map(line => JSON.parse(line) as {jobId: string; context: string}); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the journal's own shape
		expect(records.length).toBeGreaterThan(0);
		expect(new Set(records.map(record => record.context))).toEqual(new Set(['staging']));
	});

	test('the environment\'s MILVUS_URI / MILVUS_TOKEN do not leak into a context', async () => {
		const result = await runCli(['--config', twoContexts(), '--context', 'prod', '--json'], {...env, MILVUS_URI: staging.url, MILVUS_TOKEN: `root:${stagingPassword}`});
		expect(result.code).toBe(0);
		expect((parse(result.stdout)).uri).toBe(prod.url);
	});
});

describe('config errors: one line, exit 2', () => {
	test.each([
		['an unknown key', 'contexts:\n  - name: a\n    uri: http://127.0.0.1:1\n    tokn: x\n', /config\.yaml:4: tokn: unknown key/v],
		['a bad value', 'contexts:\n  - name: a\n    timeout: soon\n', /config\.yaml:3: timeout: expected a number/v],
		['not YAML', 'contexts: [\n', /config\.yaml:\d+: not valid YAML/v],
	])('%s', async (_, text, message) => {
		const result = await runCli(['--config', writeConfig('config.yaml', text), '--once']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(message);
	});

	test('a --config that does not exist, a tokenEnv that is not set, an unknown --context, a per-server flag with several', async () => {
		const missing = await runCli(['--config', join(folder, 'nope.yaml'), '--once']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/cannot read the config file .*nope\.yaml: ENOENT/v);
		const unset = await runCli(['--config', twoContexts(), '--context', 'all', '--once']);
		expect(unset.code).toBe(2);
		expect(unset.stderr).toContain('STAGING_TOKEN (tokenEnv) is not set');
		const unknown = await runCli(['--config', twoContexts(), '--context', 'qa', '--once'], env);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('unknown context "qa"');
		const perServer = await runCli(['--config', twoContexts(), '--context', 'all', '--db', 'x', '--once'], env);
		expect(perServer.code).toBe(2);
		expect(perServer.stderr).toContain('--db is set per context');
	});

	test('an unknown key and a bad value in the file: one stderr line naming the file, the line and the key; exit 2', async () => {
		const unknownKey = writeConfig('unknown-key.yaml', `contexts:\n  - name: a\n    uri: ${staging.url}\n    projectID: p-1\n`);
		const unknown = await runCli(['--config', unknownKey, '--once']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(new RegExp(String.raw`^milvus-import-top: ${unknownKey.replaceAll('.', String.raw`\.`)}:4: projectID: unknown key \(known: .*projectId, regionId`, 'v'));
		expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
		const badValue = writeConfig('bad-value.yaml', `contexts:\n  - name: a\n    uri: ${staging.url}\n    timeout: 2\n    proxy: "ftp://proxy.internal"\n`);
		const bad = await runCli(['--config', badValue, '--once']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain(`${badValue}:5: proxy: context a: `);
		expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
	});

	test('--context without a config file', async () => {
		const result = await runCli(['--context', 'staging', '--once']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--context needs a config file');
	});
});
