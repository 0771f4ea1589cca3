import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {demoApiKey, demoClusterId} from '../../source/demo/cloud/identity.js';
import {seededRandom} from '../../source/demo/rng.js';
import {runCli, spawnCli} from '../helpers/run-cli.js';

/** The built CLI against the demo's Zilliz Cloud control plane (issue 15): refusals end at once, with one line. */

let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const startCloud = async () => startDemoServer({
	flavor: 'cloud', seed: 'demo', tickMs: 0, random: seededRandom(3),
});

const cloudArgs = (clusterId = demoClusterId) => ['--cloud', '--cloud-endpoint', server!.url, '--cluster-id', clusterId];

describe('--cloud against the control plane', () => {
	test('--json lists the jobs with progress filled in for every state', async () => {
		server = await startCloud();
		const result = await runCli([...cloudArgs(), '--json'], {MILVUS_TOKEN: demoApiKey});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('"jobId": "job-');
	});

	test('--json --watch fills in the progress the list lacks, from getProgress, within a few polls', async () => {
		server = await startCloud();
		const cli = spawnCli([...cloudArgs(), '--json', '--watch', '--interval', '0.5'], {MILVUS_TOKEN: demoApiKey});
		type Doc = {readonly jobs: ReadonlyArray<{readonly state: string; readonly progress: number | undefined}>};
		const documents = (): Doc[] => cli.stdout().split('\n').filter(Boolean).map(line => JSON.parse(line) as Doc); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion
		await vi.waitFor(() => {
			const last = documents().at(-1);
			const running = last?.jobs.filter(job => job.state === 'Importing' || job.state === 'Pending') ?? [];
			expect(running.length).toBeGreaterThan(0);
			expect(running.every(job => typeof job.progress === 'number')).toBe(true);
		}, {timeout: 15_000, interval: 100});
		const first = documents()[0]!;
		expect(first.jobs.filter(job => job.state === 'Importing').every(job => job.progress === null)).toBe(true); // The list alone has none.
		expect(documents().at(-1)!.jobs.filter(job => job.state === 'Completed').every(job => job.progress === 100)).toBe(true);
		cli.child.kill('SIGINT');
		expect(await cli.result).toMatchObject({code: 130});
	});

	test('a wrong API key: exit 3 after one request, one line naming MILVUS_TOKEN, the key never shown', async () => {
		server = await startCloud();
		const result = await runCli([...cloudArgs(), '--once'], {MILVUS_TOKEN: 'not-the-key-123'});
		expect(result.code).toBe(3);
		expect(result.stderr).toBe(`milvus-import-top: Zilliz Cloud API key refused (code 21119: The apikey is illegal.) — check the key from MILVUS_TOKEN (server ${server.url})\n`);
		expect(result.stderr + result.stdout).not.toContain('not-the-key-123');
		expect(server.requests()).toHaveLength(1);
	});

	test('an unknown cluster: a usage error (exit 2), one line echoing the id, no retries', async () => {
		server = await startCloud();
		const result = await runCli([...cloudArgs('in01-\u001B]0;pwned\u0007nope'), '--json', '--watch'], {MILVUS_TOKEN: demoApiKey});
		expect(result.code).toBe(2);
		const lines = result.stderr.split('\n').filter(Boolean);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^milvus-import-top: unknown Zilliz Cloud cluster "in01-.*nope" \(code 96017: The specified cluster does not exist\.\) — check --cluster-id \(server http:\/\/127\.0\.0\.1:\d+\)$/v);
		expect(result.stderr).not.toContain('\u001B');
		expect(server.requests()).toHaveLength(1);
	});
});
