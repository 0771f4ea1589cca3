import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {isJobNotFound} from '../source/api/job-not-found.js';
import {App} from '../source/app.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually, tick} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

const down = '\u001B[B';
const gone = (id: string, code = 2100) => ({kind: 'milvus', code, message: `import job does not exist, jobID=${id}: importing data failed`}) as const;

/** Opens the detail view of the `index`-th row (sorted by id) and answers its describe with "does not exist". */
const describeGone = async (index: number, code?: number) => {
	const fake = createFakeClient();
	const app = render(<App client={fake.client} config={testConfig()} serverLabel='s' onExit={() => undefined}/>);
	const frame = () => app.lastFrame() ?? '';
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	fake.answerList([job('101', 'Importing', 40), job('103', 'Completed', 100)]);
	await eventually(() => {
		expect(frame()).toContain('103');
	});
	for (let step = 0; step < index; step++) {
		app.stdin.write(down);
		await tick(); // eslint-disable-line no-await-in-loop
	}

	app.stdin.write('\r');
	await eventually(() => {
		expect(fake.describes).toHaveLength(1);
	});
	const {jobId} = fake.describes[0]!;
	fake.failDescribe(gone(jobId!, code));
	return {frame, jobId};
};

describe('detail view of a job Milvus no longer knows', () => {
	test('a finished job: "expired", not the raw "importing data failed" error', async () => {
		const {frame, jobId} = await describeGone(1);
		expect(jobId).toBe('103');
		await eventually(() => {
			expect(frame()).toContain('expired (Milvus removes finished jobs ~3 h after they end)');
		});
		expect(frame()).not.toContain('importing data failed');
		expect(frame()).toContain('✓ Completed');
	});

	test('a job never seen finishing: the server does not know it (2101, newer servers)', async () => {
		const {frame, jobId} = await describeGone(0, 2101);
		expect(jobId).toBe('101');
		await eventually(() => {
			expect(frame()).toContain('the server does not know this job');
		});
		expect(frame()).not.toContain('expired');
	});

	test('code 2100 alone is not "does not exist": other import errors stay as they are', () => {
		expect(isJobNotFound(gone('1'))).toBe(true);
		expect(isJobNotFound({kind: 'milvus', code: 2100, message: 'importing data failed: bad file'})).toBe(false);
		expect(isJobNotFound({kind: 'http', status: 404, message: 'import job does not exist'})).toBe(false);
	});
});
