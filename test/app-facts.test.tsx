import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {App} from '../source/app.js';
import type {JobDetail} from '../source/model/jobs/job.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

/** The live screen with the background detail fetcher (issues 10 and 15): progress the list lacks, failed at, time in state. */

afterEach(() => {
	cleanup();
});

const start = () => {
	const fake = createFakeClient({hasDescribe: true});
	let clock = 1_700_000_000_000;
	const app = render(<App client={fake.client} config={testConfig({})} serverLabel='Zilliz Cloud cluster in01-x' now={() => clock} onExit={vi.fn<(code: number) => void>()}/>);
	const frame = () => app.stdout.frames.findLast(chunk => chunk !== '\u0007' && !chunk.startsWith('\u001B]52;')) ?? '';
	return {
		fake, app, frame, advance(ms: number) {
			clock += ms;
		},
	};
};

const detail = (jobId: string, state: string, progress: number, more: Partial<JobDetail> = {}): JobDetail => ({
	...job(jobId, state, progress), importedRows: 0, totalRows: 0, fileSize: 0, createTime: '', completeTime: '', files: [], ...more,
});

const line = (frame: string, jobId: string): string => frame.split('\n').find(text => text.includes(` ${jobId} `)) ?? '';

describe('progress where the list has none', () => {
	test('a bar fills from describe; Completed is 100 %; the overall says it is partial, then not', async () => {
		const {fake, frame} = start();
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('job-a', 'Importing', undefined), job('job-b', 'Importing', undefined), job('job-c', 'Completed', 100)]);
		await eventually(() => {
			expect(frame()).toContain('job-a');
		});
		expect(line(frame(), 'job-a')).toContain('?%');
		expect(line(frame(), 'job-c')).toContain('100%');
		expect(frame()).toContain('(1 of 3 known)');
		// One at a time, visible rows first: a, then b (c is Completed: asked once, for its time).
		for (const [id, progress] of [['job-a', 42], ['job-b', 64]] as const) {
			// eslint-disable-next-line no-await-in-loop
			await eventually(() => {
				expect(fake.describes.map(pending => pending.jobId)).toEqual([id]);
			});
			fake.answerDescribe(detail(id, 'Importing', progress));
		}

		await eventually(() => {
			expect(line(frame(), 'job-a')).toContain('42%');
			expect(line(frame(), 'job-b')).toContain('64%');
		});
		expect(frame()).not.toContain('known)');
	});
});

describe('failed at, and time in state', () => {
	test('a Failed row keeps the last progress seen; jobs of the first poll show a lower bound, a change seen is exact', async () => {
		const {fake, frame, advance} = start();
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		fake.answerList([job('201', 'Importing', 63), job('202', 'Failed', 0, {reason: 'old failure'})]);
		await eventually(() => {
			expect(frame()).toContain('201');
		});
		expect(line(frame(), '201')).toMatch(/≥0s/v);
		expect(line(frame(), '202')).not.toMatch(/\d+%|\?%/v); // Failed before the app looked: no percentage at all.
		advance(5000);
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		}, 5000);
		fake.answerList([job('201', 'Failed', 0, {reason: 'import timeout'}), job('202', 'Failed', 0, {reason: 'old failure'})]);
		await eventually(() => {
			expect(line(frame(), '201')).toMatch(/Failed.*63%/v);
		});
		expect(line(frame(), '201')).toMatch(/ 0s/v);
		expect(line(frame(), '201')).not.toContain('≥');
	});
});
