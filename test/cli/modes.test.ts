import {
	afterEach, describe, expect, test,
} from 'vitest';
import stringWidth from 'string-width';
import {runCli, spawnCli} from '../helpers/run-cli.js';
import {records, startListServer, type ListAnswer} from './list-server.js';

let server: Awaited<ReturnType<typeof startListServer>> | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** Everything that tempts a program to colour its output. */
const colourful = {FORCE_COLOR: '3', TERM: 'xterm-256color', COLORTERM: 'truecolor'};

const hostile: ListAnswer = {
	records: JSON.stringify([
		{
			jobId: '454891732197474512', collectionName: 'books\u001B[31m', state: 'Failed', progress: 0, reason: 'bad\u001B]52;c;ZWNobyBoaQ==\u0007 file\u009B2J',
		},
		{
			jobId: '454891732197474513', collectionName: '图书', state: 'Importing', progress: 47,
		},
	]),
};

describe('plain table (stdout is not a TTY, or --once)', () => {
	test.each([[[]], [['--once']]])('%j: no escape byte at all, even with hostile server text and colour forced', async args => {
		server = await startListServer([hostile]);
		const result = await runCli([...args, '--uri', server.url], colourful);
		expect(result.code).toBe(0);
		expect(result.stdout).not.toMatch(/[\u001B\u009B\u0007]/v);
		expect(result.stderr).not.toContain('\u001B');
		expect(result.stdout).toContain('bad file');
	});

	test('columns line up by display width (CJK is two cells)', async () => {
		server = await startListServer([hostile]);
		const result = await runCli(['--uri', server.url, '--sort', 'jobId']);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^JOB ID\s+COLLECTION\s+STATE\s+PROGRESS\s+REASON$/v);
		const stateColumn = (line: string): number => stringWidth(line.slice(0, line.search(/Failed|Importing|STATE/v)));
		expect(new Set(lines.map(line => stateColumn(line))).size).toBe(1);
		expect(lines[2]).toContain('47%');
	});

	test('--state, --filter and --sort shape the table', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 10], ['2', 'movies', 'Importing', 90], ['3', 'books', 'Completed', 100], ['4', 'books', 'Failed', 0, 'timeout'])]);
		const ids = (stdout: string) => stdout.trim().split('\n').slice(1).map(line => line.split(/\s+/v)[0]);
		// Ascending unless told otherwise (issue 10: `progress:desc` and `-progress` listed 0 % first).
		for (const [sort, expected] of [['progress', ['1', '2']], ['progress:asc', ['1', '2']], ['-progress', ['2', '1']], ['progress:desc', ['2', '1']]] as const) {
			// eslint-disable-next-line no-await-in-loop
			const result = await runCli(['--uri', server.url, '--state', 'importing', `--sort=${sort}`]);
			expect(ids(result.stdout)).toEqual(expected);
		}

		const filtered = await runCli(['--uri', server.url, '--filter', '!books']);
		expect(ids(filtered.stdout)).toEqual(['2']);
	});

	test('--collection lists per collection and sends dbName', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 10])]);
		const result = await runCli(['--uri', server.url, '--collection', 'books', '--db', 'sales']);
		expect(result.code).toBe(0);
		expect(JSON.parse(server.lastList()!.body)).toEqual({collectionName: 'books', dbName: 'sales'});
	});

	test('an empty list: the header, and a note on stderr', async () => {
		server = await startListServer([records()]);
		const result = await runCli(['--uri', server.url]);
		expect(result).toMatchObject({code: 0, stdout: 'JOB ID  COLLECTION  STATE  PROGRESS  REASON\n'});
		expect(result.stderr).toContain(`no import jobs on ${server.url}`);
	});
});

describe('--json', () => {
	test('one document: ids always strings, progress number or null, the uri without credentials', async () => {
		server = await startListServer([{records: '[{"jobId":454891732197474512,"collectionName":"books","state":"Importing","progress":47},{"jobId":"2","collectionName":"b","state":"Pending"}]'}]);
		const withCredentials = server.url.replace('http://', 'http://root:pw@');
		const result = await runCli(['--json', '--uri', withCredentials, '--sort', 'jobId']);
		expect(result.code).toBe(0);
		const document: unknown = JSON.parse(result.stdout);
		expect(document).toEqual({
			version: 1,
			generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/v) as unknown,
			uri: server.url,
			dbName: null,
			collections: [],
			count: 2,
			jobs: [
				{
					jobId: '2', collectionName: 'b', state: 'Pending', progress: null, reason: '',
				},
				{
					jobId: '454891732197474512', collectionName: 'books', state: 'Importing', progress: 47, reason: '',
				},
			],
		});
		expect(result.stdout).not.toContain('pw');
		expect(server.requests[0]!.headers.authorization).toBe('Bearer root:pw');
	});

	test('--watch: one JSON line per poll', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 10]), records(['1', 'books', 'Importing', 20])]);
		const cli = spawnCli(['--json', '--watch', '--interval', '0.5', '--uri', server.url]);
		await cli.waitForStdout('"progress":20');
		cli.child.kill('SIGINT');
		const result = await cli.result;
		expect(result.code).toBe(130);
		const lines = result.stdout.trim().split('\n').map(line => JSON.parse(line) as unknown);
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(lines.slice(0, 2)).toEqual([10, 20].map(progress => expect.objectContaining({
			count: 1,
			jobs: [{
				jobId: '1', collectionName: 'books', state: 'Importing', progress, reason: '',
			}],
		}) as unknown));
	});
});

describe('--wait without a TTY', () => {
	test('a job that completes: a line per change, exit 0', async () => {
		server = await startListServer([
			records(['1', 'books', 'Pending', 0], ['9', 'old', 'Failed', 0, 'last week']),
			records(['1', 'books', 'Importing', 40]),
			records(['1', 'books', 'Importing', 40]),
			records(['1', 'books', 'Completed', 100]),
		]);
		const result = await runCli(['--wait', '--interval', '0.5', '--uri', server.url]);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines[0]).toBe(`waiting for 1 job on ${server.url}; 1 finished job ignored`);
		expect(lines.slice(1, -1).map(line => line.split(/\s+/v).slice(1).join(' '))).toEqual(['1 books Pending 0%', '1 books Importing 40%', '1 books Completed 100%']);
		expect(lines.at(-1)).toBe('all 1 watched job completed');
		expect(result.stdout).not.toContain('\u001B');
	});

	test('a job that fails: which and why, exit 1 at once', async () => {
		server = await startListServer([
			records(['1', 'books', 'Importing', 40], ['2', 'movies', 'Importing', 10]),
			records(['1', 'books', 'Failed', 0, 'the dim (512) of field \'embedding\' is not equal to schema dim (256)'], ['2', 'movies', 'Importing', 20]),
		]);
		const result = await runCli(['--wait', '--job', '1', '--job', '2', '--interval', '0.5', '--uri', server.url]);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe('milvus-import-top: job 1 (books) failed: the dim (512) of field \'embedding\' is not equal to schema dim (256)\n');
		expect(server.listCalls()).toBe(2);
	});

	test('a server that goes away: exit 3 after --retries failed polls', async () => {
		server = await startListServer([records(['1', 'books', 'Importing', 40])]);
		const cli = spawnCli(['--wait', '--job', '1', '--interval', '0.5', '--retries', '2', '--uri', server.url]);
		await cli.waitForStdout('books  Importing  40%');
		await server.close();
		const result = await cli.result;
		expect(result.code).toBe(3);
		const errors = result.stderr.trim().split('\n');
		expect(errors).toHaveLength(3); // One line per failed poll: the first, then two retries.
		expect(errors.at(-1)).toContain('cannot reach');
	});

	test('nothing unfinished matches: exit 0 and say so', async () => {
		server = await startListServer([records(['1', 'books', 'Completed', 100])]);
		const result = await runCli(['--wait', '--uri', server.url]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('nothing to wait for');
	});
});

test('--demo --once: the embedded server, a table of its jobs', async () => {
	const result = await runCli(['--demo', '--once']);
	expect(result.code).toBe(0);
	expect(result.stdout.split('\n')[0]).toMatch(/^JOB ID/v);
	expect(result.stdout.trim().split('\n').length).toBeGreaterThan(3);
});

test('demo-server: listens, answers, stops on SIGINT', async () => {
	const cli = spawnCli(['demo-server', '--port', '0', '--flavor', '2.5']);
	await cli.waitForStdout('listening on ');
	const url = /listening on (http:\/\/\S+)/v.exec(cli.stdout())![1]!;
	const listed = await runCli(['--once', '--uri', url]);
	expect(listed.code).toBe(0);
	cli.child.kill('SIGINT');
	const result = await cli.result;
	expect(result.code).toBe(0);
	expect(result.stdout).toContain('demo server stopped');
});
