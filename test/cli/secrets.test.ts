import {readFileSync} from 'node:fs';
import {afterEach, expect, test} from 'vitest';
import {runCli, spawnCli} from '../helpers/run-cli.js';
import {records, startListServer} from './list-server.js';

let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const secret = 'tok-3f9a7c1e-never-print-me';

test.skipIf(process.platform !== 'linux')('the process title replaces argv, so ps no longer shows the token', async () => {
	server = await startListServer([records(['1', 'books', 'Importing', 10])]);
	const cli = spawnCli(['--json', '--watch', '--interval', '0.5', '--token', secret, '--uri', server.url]);
	await cli.waitForStdout('"jobId":"1"');
	const cmdline = readFileSync(`/proc/${cli.child.pid}/cmdline`, 'utf8');
	cli.child.kill('SIGINT');
	await cli.result;
	expect(cmdline.replaceAll('\0', ' ').trim()).toBe('milvus-import-top');
	expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${secret}`);
});

test.each([
	[['--tokne', secret]],
	[['--token', secret, '--interval', 'x']],
	[['--token', secret, '--uri', `http://u:${secret}@bad host`]],
	[['--uri', `http://root:${secret}@127.0.0.1:1`, '--once', '--retries', '0']],
])('never in output or errors: %j', async args => {
	const result = await runCli(args, {MILVUS_PASSWORD: secret});
	expect(result.code).not.toBe(0);
	expect(result.stdout + result.stderr).not.toContain(secret);
	expect(result.stdout + result.stderr).not.toContain('never-print-me');
});
