import {readFileSync} from 'node:fs';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {closedPortUrl} from '../helpers/http-server.js';
import {runCli} from '../helpers/run-cli.js';
import {records, startListServer} from './list-server.js';

/** Every exit code of the built CLI, spawned for real (README "Exit codes"). */
let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const packageJson: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const packageVersion = typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson ? String(packageJson.version) : '';

describe('0: success', () => {
	test('--help prints every flag and the token warning', async () => {
		const result = await runCli(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('--token-file');
		expect(result.stdout).toContain('demo-server');
		expect(result.stdout).toMatch(/visible\s+to other users/v);
		expect(result.stdout).not.toContain('\u001B');
	});

	test('--version prints the package version', async () => {
		const result = await runCli(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${packageVersion}\n`});
	});

	test('--once against a server', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 40])]);
		const result = await runCli(['--once', '--uri', server.url]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('books');
	});
});

describe('2: usage errors, one line plus a pointer to --help', () => {
	test.each([
		[['--bogus'], 'unknown option --bogus'],
		[['--interval', '-1'], '--interval must be a positive number'],
		[['--uri', 'http://a b'], 'cannot parse the Milvus URI'],
		[['--demo', '--flavor', '1.0'], 'unknown demo flavor'],
		[['--watch'], '--watch only works with --json'],
		[['--token-file', '/nonexistent/milvus-token'], 'cannot read --token-file /nonexistent/milvus-token (ENOENT)'],
		[['--user', 'root'], 'no password for user root'],
	])('%j', async (args, reason) => {
		const result = await runCli(args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.split('\n');
		expect(lines).toHaveLength(3); // Reason, hint, and the final newline.
		expect(lines[0]!.startsWith(`milvus-import-top: ${reason}`)).toBe(true);
		expect(lines.slice(1)).toEqual(['Try \'milvus-import-top --help\'.', '']);
	});
});

describe('3: the server cannot be used', () => {
	test('unreachable: says what it tried and what to do, after the retries', async () => {
		const url = await closedPortUrl();
		const result = await runCli(['--once', '--uri', url, '--retries', '1', '--interval', '0.5']);
		expect(result.code).toBe(3);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(url);
		expect(lines[0]).toMatch(/is Milvus running\? check --uri or try --demo; gave up after 2 attempts/v);
	});

	test('credentials refused: no retries, and the token is never printed', async () => {
		const token = 'root:sup3r-s3cret-pw';
		server = await startListServer([{status: 401, json: {code: 1800, message: `user hasn't authenticated (got Bearer ${token})`}}]);
		const result = await runCli(['--once', '--uri', server.url, '--retries', '5'], {MILVUS_TOKEN: token});
		expect(result.code).toBe(3);
		expect(server.listCalls()).toBe(1);
		expect(result.stderr).toContain('401');
		expect(result.stdout + result.stderr).not.toContain('sup3r-s3cret-pw');
	});

	test.each([
		[['--once']],
		[['--json']],
		[['--json', '--watch']],
		[['--wait', '--job', '1']],
		[['--wait']],
	])('%j: code 1800 inside an HTTP 200 envelope is refused credentials too: exit 3 at once, no retries, no token', async args => {
		const token = 'root:sup3r-s3cret-pw';
		server = await startListServer([{status: 200, json: {code: 1800, message: `user hasn't authenticated (got Bearer ${token})`}}]);
		const result = await runCli([...args, '--uri', server.url, '--retries', '5', '--interval', '0.5'], {MILVUS_TOKEN: token});
		expect(result.code).toBe(3);
		expect(server.listCalls()).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([`milvus-import-top: credentials refused (Milvus code 1800): check MILVUS_TOKEN (server ${server.url})`]);
		expect(result.stdout + result.stderr).not.toContain('sup3r-s3cret-pw');
	});

	test('a --wait for an id the server never lists', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 40])]);
		const result = await runCli(['--wait', '--job', '999', '--uri', server.url, '--interval', '0.5', '--retries', '1']);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('job 999 not listed');
	});
});

test('1: --wait and a watched job fails', async () => {
	server = await startListServer([records(['7', 'books', 'Failed', 0, 'import timeout'])]);
	const result = await runCli(['--wait', '--job', '7', '--uri', server.url]);
	expect(result.code).toBe(1);
	expect(result.stderr).toContain('job 7 (books) failed: import timeout');
});

test('130: Ctrl-C during a wait', async () => {
	server = await startListServer([records(['1', 'books', 'Importing', 40])]);
	const {spawnCli} = await import('../helpers/run-cli.js');
	const cli = spawnCli(['--wait', '--job', '1', '--uri', server.url]);
	await cli.waitForStdout('waiting for 1 job');
	cli.child.kill('SIGINT');
	const result = await cli.result;
	expect(result.code).toBe(130);
});
