import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {
	cleanEnv, cliPath, runCli, spawnCli, type CliResult,
} from '../helpers/run-cli.js';
import {records, startListServer, type ListAnswer} from './list-server.js';

/** Exit codes scripts build on (issue 10), each against the built CLI. */
let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** The CLI with stdout on /dev/full: every write fails with ENOSPC. */
const runIntoFullDisk = async (args: readonly string[]): Promise<CliResult> => {
	const full = openSync('/dev/full', 'w');
	const child = spawn(process.execPath, [cliPath, ...args], {env: cleanEnv(), stdio: ['ignore', full, 'pipe']});
	closeSync(full);
	let stderr = '';
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	return new Promise(resolve => {
		child.on('close', (code, signal) => {
			resolve({
				code: code ?? undefined, signal: signal ?? undefined, stdout: '', stderr,
			});
		});
	});
};

const importing = records(['1', 'books', 'Importing', 40]);

describe('a full disk (ENOSPC) is an error: exit 74, one line on stderr', () => {
	test.each([[['--once']], [['--json']], [['--json', '--watch', '--interval', '0.5']]])('%j > /dev/full', async args => {
		server = await startListServer([importing]);
		const result = await runIntoFullDisk([...args, '--uri', server.url]);
		expect(result.code).toBe(74);
		expect(result.stderr).toBe('milvus-import-top: cannot write to stdout: no space left on device (ENOSPC)\n');
	});
});

test('--wait whose reader went away (EPIPE): quietly, 141, never 0', async () => {
	// Progress moves on every poll, so --wait keeps writing lines after the reader closed the pipe.
	const answers: ListAnswer[] = Array.from({length: 50}, (_, index) => records(['1', 'books', 'Importing', index]));
	server = await startListServer(answers);
	const cli = spawnCli(['--wait', '--job', '1', '--uri', server.url, '--interval', '0.5']);
	await cli.waitForStdout('waiting for 1 job');
	cli.child.stdout?.destroy();
	const result = await cli.result;
	expect(result.code).toBe(141);
	expect(result.stderr).toBe('');
});

describe('signals: 143 for SIGTERM, 130 for SIGINT, in every script mode', () => {
	test.each([
		[['--wait', '--job', '1'], 'waiting for 1 job'],
		[['--json', '--watch'], '"jobs"'],
	])('%j', async (args, ready) => {
		server = await startListServer([importing]);
		for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
			const cli = spawnCli([...args, '--uri', server.url, '--interval', '0.5']);
			// eslint-disable-next-line no-await-in-loop
			await cli.waitForStdout(ready);
			cli.child.kill(signal);
			// eslint-disable-next-line no-await-in-loop
			const result = await cli.result;
			expect(result.code).toBe(code);
		}
	});
});

describe('empty or absent values are usage errors (2), not dropped', () => {
	test.each([
		[['--wait', '--job', ''], '--job needs a job id, got an empty value'],
		[['--wait', '--job'], '--job needs a job id, got an empty value'],
		[['--once', '--state'], '--state needs a value'],
		[['--once', '--state', ' '], '--state needs a value'],
	])('%j', async (args, reason) => {
		server = await startListServer([importing]);
		const result = await runCli([...args, '--uri', server.url]);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toContain(reason);
		expect(server.listCalls()).toBe(0);
	});
});

describe('--interval and --timeout: bounded by what a timer can hold, with the reason', () => {
	test.each([
		[['--interval', '2147484'], '--interval must be at most 2147483 seconds'],
		[['--interval', '1e10'], '--interval must be at most 2147483 seconds'],
		[['--timeout', '2147483'], '--timeout must be at most 2147480 seconds'],
		[['--timeout', '5000000'], '--timeout must be at most 2147480 seconds'],
	])('%j', async (args, reason) => {
		const result = await runCli(['--json', '--watch', ...args]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(reason);
		expect(result.stderr).toContain('the longest wait a Node.js timer holds');
	});

	test('1e3 is a number of seconds like any other', async () => {
		server = await startListServer([importing]);
		const result = await runCli(['--once', '--interval', '1e3', '--timeout', '2e1', '--uri', server.url]);
		expect(result.code).toBe(0);
	});
});

describe('an unknown collection (Milvus 100) or database (800) can never succeed: not retried, one line, exit 2', () => {
	test.each([
		[['--once', '--collection', 'nope'], 100, 'collection not found[collection=nope]', 'check --collection'],
		[['--json', '--db', 'nope'], 800, 'database not found[database=nope]', 'check --db'],
		[['--wait', '--collection', 'nope'], 100, 'collection not found[collection=nope]', 'check --collection'],
		[['--json', '--watch', '--db', 'nope'], 800, 'database not found[database=nope]', 'check --db'],
	])('%j', async (args, code, message, hint) => {
		server = await startListServer([{status: 200, json: {code, message}}]);
		const result = await runCli([...args, '--uri', server.url, '--retries', '5', '--interval', '0.5']);
		expect(result.code).toBe(2);
		expect(server.listCalls()).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(message);
		expect(lines[0]).toContain(hint);
		expect(lines[0]).not.toContain('gave up');
	});
});

describe('a refusal names where the credential came from', () => {
	const refusal = {status: 401, json: {code: 1800, message: 'user hasn\'t authenticated'}};
	test.each([
		[['--user', 'root', '--password', 'wrong-pw'], {}, 'check --user root with --password'],
		[['--user', 'root'], {MILVUS_PASSWORD: 'wrong-pw'}, 'check --user root with MILVUS_PASSWORD'],
		[[], {MILVUS_TOKEN: 'root:wrong-pw'}, 'check MILVUS_TOKEN'],
		[['--token', 'root:wrong-pw'], {}, 'check --token'],
		[[], {MILVUS_USER: 'root', MILVUS_PASSWORD: 'wrong-pw'}, 'check MILVUS_USER/MILVUS_PASSWORD'],
		[[], {}, 'the server needs credentials: give --user, --token-file or MILVUS_TOKEN'],
	])('%j %j', async (args, env, hint) => {
		server = await startListServer([refusal]);
		const result = await runCli(['--once', '--uri', server.url, ...args], env);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain(`credentials refused (HTTP 401): ${hint} (server ${server.url})`);
		expect(result.stderr).not.toContain('wrong-pw');
	});

	test('user:password in the URI', async () => {
		server = await startListServer([refusal]);
		const withUser = server.url.replace('http://', 'http://root:wrong-pw@');
		const result = await runCli(['--once', '--uri', withUser]);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('credentials refused (HTTP 401): check the user:password in the URI');
		expect(result.stderr).not.toContain('wrong-pw');
	});
});

test('--timeout N: "no answer within N s", the N configured', async () => {
	server = await startListServer([{hang: true}]);
	const result = await runCli(['--once', '--uri', server.url, '--timeout', '1', '--retries', '0']);
	expect(result.code).toBe(3);
	expect(result.stderr).toContain('no answer within 1 s');
});
