import {
	afterEach, describe, expect, test,
} from 'vitest';
import {createMilvusClient} from '../../source/api/client.js';
import type {ImportClient} from '../../source/api/types.js';
import {DetailView} from '../../source/components/detail-view.js';
import {startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {seededRandom} from '../../source/demo/rng.js';
import type {JobDetail} from '../../source/model/jobs/job.js';
import type {ModeContext} from '../../source/modes/context.js';
import type {JsonDocument} from '../../source/modes/json-document.js';
import {runOnce} from '../../source/modes/run-once.js';
import {testConfig} from '../helpers/config.js';
import {renderFrame} from '../helpers/render.js';
import {manualClock, parseJson} from './helpers.js';

/** A file task in Retry, from the demo server through the real client to the detail view and `--json`. */
let server: DemoServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

const open = async () => {
	const clock = manualClock();
	server = await startDemoServer({
		flavor: '2.6', clock: clock.now, random: seededRandom(5), tickMs: 0,
	});
	return {client: createMilvusClient({uri: server.url, timeoutMs: 2000}), clock};
};

/** Every job's detail, and the one with a file in Retry. */
const retrying = async (client: ImportClient): Promise<JobDetail> => {
	const list = await client.listImportJobs();
	const details = await Promise.all((list.ok ? list.value : []).map(async job => client.describeImportJob(job.jobId)));
	const found = details.flatMap(result => (result.ok && result.value.files.some(file => file.state === 'Retry') ? [result.value] : []));
	expect(found).toHaveLength(1);
	return found[0]!;
};

describe('a file task in Retry, seen by the client', () => {
	test('describe: the file is Retry with no rows and its reason; the job is Importing, no job reason', async () => {
		const {client} = await open();
		const detail = await retrying(client);
		expect(detail).toMatchObject({state: 'Importing', reason: '', completeTime: ''});
		const file = detail.files.find(each => each.state === 'Retry')!;
		expect(file).toMatchObject({progress: 0, importedRows: 0, completeTime: ''});
		expect(file.totalRows).toBeGreaterThan(0);
		expect(file.reason).not.toBe('');
	});

	test('later the same file runs again and completes (the clock moves, nothing else)', async () => {
		const {client, clock} = await open();
		const detail = await retrying(client);
		const name = detail.files.find(file => file.state === 'Retry')!.fileName;
		const states: string[] = [];
		for (let step = 0; step < 120; step++) {
			clock.advance(1000);
			// eslint-disable-next-line no-await-in-loop -- one describe per simulated second
			const again = await client.describeImportJob(detail.jobId);
			const state = again.ok ? again.value.files.find(file => file.fileName === name)?.state ?? '-' : 'error';
			if (states.at(-1) !== state) {
				states.push(state);
			}
		}

		expect(states.filter(state => state !== 'Pending')).toEqual(['Retry', 'InProgress', 'Completed']);
	});

	test('the detail view lists it with its state and reason, in the same table as the others', async () => {
		const {client} = await open();
		const detail = await retrying(client);
		const frame = renderFrame(<DetailView jobId={detail.jobId} job={undefined} detail={detail} isLoading={false} error={undefined} width={100} height={30}/>);
		const file = detail.files.find(each => each.state === 'Retry')!;
		expect(frame).toContain('State      ◐ Importing');
		const rows = frame.split('\n').filter(line => line.startsWith('│ ') && !line.startsWith('│ file'));
		expect(rows).toHaveLength(detail.files.length);
		const retryRow = rows[detail.files.indexOf(file)];
		expect(retryRow).toMatch(/^│ [^│]+│ Retry +│ 0% +│ 0\/[\d,]+ +│ [\d.]+ [KMG]iB +│ \S/v);
		expect(retryRow).toContain(file.reason.slice(0, 12));
		expect(new Set(rows.map(row => row.length)).size).toBe(1); // Same columns as the other rows.
		expect(frame).toContain(`Files (${detail.files.length})`);
	});

	test('--json: the job is listed as Importing with a progress and no reason (the task state is describe-only)', async () => {
		const {client} = await open();
		const detail = await retrying(client);
		let out = '';
		const context: ModeContext = {
			client,
			config: testConfig({uri: server!.url}),
			retries: 0,
			out(text) {
				out += text;
			},
			err: () => undefined,
			now: () => 0,
			sleep: async () => undefined,
			signal: new AbortController().signal,
		};
		expect(await runOnce(context, 'json')).toBe(0);
		const entry = parseJson<JsonDocument>(out).jobs.find(job => job.jobId === detail.jobId);
		expect(entry).toMatchObject({state: 'Importing', reason: ''});
		expect(entry?.progress).toBeGreaterThanOrEqual(40);
		expect(entry?.progress).toBeLessThan(70);
	});
});

describe('task states the view does not know', () => {
	test.each(['Reassigning', 'None', ''])('%j renders as given, in the same columns', state => {
		const base = {
			fileSize: 2048, progress: 50, importedRows: 5, totalRows: 10, completeTime: '', reason: '',
		};
		const detail: JobDetail = {
			jobId: '9', collectionName: 'books', state: 'Importing', progress: 50, reason: '', importedRows: 5, totalRows: 20, fileSize: 4096, createTime: '', completeTime: '',
			files: [{...base, fileName: 'a.parquet', state: 'InProgress'}, {...base, fileName: 'b.parquet', state}],
		};
		const frame = renderFrame(<DetailView jobId='9' job={undefined} detail={detail} isLoading={false} error={undefined} width={100} height={22}/>);
		const rows = frame.split('\n').filter(line => line.includes('.parquet'));
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatch(new RegExp(`│ b\\.parquet +│ ${state} +│ 50% +│ 5/10 +│ 2\\.0 KiB │`, 'v'));
		expect(rows[0]!.length).toBe(rows[1]!.length);
	});
});
