import {
	afterEach, describe, expect, test,
} from 'vitest';
import {
	seededRandom, startDemoServer, type DemoServer, type Flavor,
} from '../../source/demo/index.js';
import {closedPortUrl} from '../helpers/http-server.js';
import {runCli} from '../helpers/run-cli.js';

/** `commit JOBID…` / `abort JOBID…`: the built CLI against a real local server, every exit code (README "Exit codes"). */

let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const start = async (flavor: Flavor, auth?: {user: string; password: string}): Promise<DemoServer> => {
	server = await startDemoServer({
		flavor, auth, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000,
	});
	return server;
};

type Row = {readonly jobId: string; readonly state: string};

const list = async (demo: DemoServer): Promise<Row[]> => {
	const response = await fetch(`${demo.url}/v2/vectordb/jobs/import/list`, {method: 'POST', body: '{}', headers: {'Content-Type': 'application/json'}});
	const body = await response.json() as {data: {records: Row[]}}; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the demo's own shape
	return body.data.records;
};

const idIn = async (demo: DemoServer, state: string, index = 0): Promise<string> => {
	const rows = await list(demo);
	const ids = rows.filter(row => row.state === state).map(row => row.jobId).toSorted();
	const id = ids[index];
	if (id === undefined) {
		throw new Error(`no ${state} job #${index} in the demo seed`);
	}

	return id;
};

const stateOf = async (demo: DemoServer, jobId: string): Promise<string | undefined> => {
	const rows = await list(demo);
	return rows.find(row => row.jobId === jobId)?.state;
};

/** The commit/abort requests the server saw (its request log). */
const changes = (demo: DemoServer): string[] => demo.requests().map(entry => entry.path).filter(path => /\/(?:commit|abort)$/v.test(path));

describe('0: Milvus accepted every one', () => {
	test('commit an Uncommitted job: one line on stdout, the job moves to Committing', async () => {
		const demo = await start('3.0');
		const jobId = await idIn(demo, 'Uncommitted');
		const result = await runCli(['commit', jobId, '--uri', demo.url]);
		expect(result).toMatchObject({code: 0, stderr: '', stdout: `commit sent: job ${jobId} (Milvus accepted it)\n`});
		expect(await stateOf(demo, jobId)).toBe('Committing');
	});

	test('abort two Uncommitted jobs: both Failed', async () => {
		const demo = await start('3.0');
		const ids = [await idIn(demo, 'Uncommitted', 0), await idIn(demo, 'Uncommitted', 1)];
		const result = await runCli(['abort', ...ids, '--uri', demo.url]);
		expect(result.code).toBe(0);
		expect(result.stdout.trim().split('\n')).toEqual(ids.map(id => `abort sent: job ${id} (Milvus accepted it)`));
		expect([await stateOf(demo, ids[0]!), await stateOf(demo, ids[1]!)]).toEqual(['Failed', 'Failed']);
	});
});

describe('1: Milvus refused one (its message on stderr); the others still go', () => {
	test('abort of an auto_commit=true job is refused with Milvus\' message; the Uncommitted one is aborted', async () => {
		const demo = await start('3.0');
		const running = await idIn(demo, 'Importing');
		const waiting = await idIn(demo, 'Uncommitted');
		const result = await runCli(['abort', running, waiting, '--uri', demo.url]);
		expect(result.code).toBe(1);
		const refusal = `job ${running} is an auto-commit job (auto_commit=true), abort not allowed: importing data failed on server side`;
		expect(result.stderr).toBe(`milvus-import-top: Milvus refused to abort job ${running} (code 2101): ${refusal}\n`);
		expect(result.stdout).toBe(`abort sent: job ${waiting} (Milvus accepted it)\n`);
		expect(await stateOf(demo, running)).toBe('Importing');
		expect(changes(demo)).toHaveLength(2);
	});

	test('commit of a job that is not Uncommitted', async () => {
		const demo = await start('3.0');
		const done = await idIn(demo, 'Committing');
		const result = await runCli(['commit', done, '--uri', demo.url]);
		expect(result.code).toBe(0); // A repeated commit of a Committing job is a harmless no-op.
		const aborted = await idIn(demo, 'Uncommitted');
		const abort = await runCli(['abort', aborted, '--uri', demo.url]);
		expect(abort.code).toBe(0);
		const refused = await runCli(['commit', aborted, '--uri', demo.url]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`job ${aborted} is in state Failed, only an Uncommitted job can be committed`);
	});

	test('an unknown job id', async () => {
		const demo = await start('3.0');
		const result = await runCli(['commit', '123', '--uri', demo.url]);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('import job does not exist, jobID=123');
	});
});

describe('2: usage, nothing sent', () => {
	test.each([
		[['commit'], 'Not enough non-option arguments'],
		[['abort', 'job-1'], '"job-1" is not a Milvus job id'],
		[['commit', '1', '--read-only'], 'commit changes the server, and --read-only forbids that'],
	])('%j', async (args, message) => {
		const demo = await start('3.0');
		const result = await runCli([...args, '--uri', demo.url]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(message);
		expect(demo.requests()).toEqual([]); // The request log: not one request.
	});

	test('MILVUS_IMPORT_TOP_READ_ONLY refuses too', async () => {
		const demo = await start('3.0');
		const result = await runCli(['abort', await idIn(demo, 'Uncommitted'), '--uri', demo.url], {MILVUS_IMPORT_TOP_READ_ONLY: '1'});
		expect(result.code).toBe(2);
		expect(changes(demo)).toEqual([]);
	});
});

describe('3: the server cannot do it, or cannot be used', () => {
	test('a 2.6 server has no such route: said once, the next ids are not tried', async () => {
		const demo = await start('2.6');
		const result = await runCli(['commit', '1', '2', '--uri', demo.url]);
		expect(result).toMatchObject({code: 3, stdout: '', stderr: 'milvus-import-top: this server cannot commit or abort imports (Milvus 3.0+ only)\n'});
		expect(changes(demo)).toEqual(['/v2/vectordb/jobs/import/commit']);
	});

	test('unreachable', async () => {
		const url = await closedPortUrl();
		const result = await runCli(['abort', '1', '--uri', url]);
		expect(result.code).toBe(3);
		expect(result.stderr).toContain(`abort of job 1 not confirmed: cannot reach ${url}`);
	});

	test('credentials refused, and the password is never printed', async () => {
		const demo = await start('3.0', {user: 'root', password: 'Milvus'});
		const result = await runCli(['commit', '1', '--uri', demo.url], {MILVUS_TOKEN: 'root:wr0ng-s3cret'});
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('credentials refused (HTTP 401)');
		expect(result.stderr + result.stdout).not.toContain('wr0ng-s3cret');
	});
});
