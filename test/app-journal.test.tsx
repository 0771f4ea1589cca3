import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {App} from '../source/app.js';
import {journalSnapshot} from '../source/journal/to-model.js';
import {recordKey} from '../source/journal/observer.js';
import type {JournalRecord} from '../source/journal/record.js';
import {firstScope} from '../source/model/store/first-scope.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually, tick} from './helpers/wait.js';
import {record} from './journal/helpers.js';

afterEach(() => {
	cleanup();
});

const clock = 1_765_000_000_000;
const cluster = 'http://localhost:19530';

const known = (...records: JournalRecord[]): Map<string, JournalRecord> => new Map(records.map(item => [recordKey(item.cluster, item.db, item.jobId), item]));

const start = () => {
	const fake = createFakeClient();
	const config = testConfig({});
	// Job 201 finished yesterday and the server forgot it; 101 is still listed; 301 is of another database.
	const records = [
		record({
			jobId: '201', event: 'expired', state: 'Failed', reason: 'bad row 7', at: clock - 86_400_000,
		}),
		record({
			jobId: '101', event: 'state', state: 'Importing', at: clock - 60_000,
		}),
		record({
			jobId: '301', db: 'sales', event: 'completed', state: 'Completed', at: clock - 60_000,
		}),
	];
	const journal = Promise.resolve(journalSnapshot(known(...records), records, cluster));
	// Loaded: the event log counts the journal's events.

	const app = render(<App
		client={fake.client} config={config} serverLabel='s'
		now={() => clock} journal={journal} firstList={{
			type: 'poll-ok', at: clock, scope: firstScope(config), jobs: [job('101', 'Importing', 40)],
		}}
		onExit={() => undefined}/>);
	return {
		app, fake, journal, frame: () => app.lastFrame() ?? '',
	};
};

describe('the live screen after a restart, with the journal', () => {
	test('h shows the jobs the server forgot as "from history" rows, after the listed ones; again hides them', async () => {
		const {
			app, fake, journal, frame,
		} = start();
		await journal;
		await tick();
		expect(frame()).toMatch(/Importing\s+101/v);
		expect(frame()).not.toContain('201');
		app.stdin.write('h');
		await eventually(() => {
			expect(frame()).toMatch(/Failed\s+201\s+books.*from history/v);
		});
		expect(frame()).toContain('showing 1 of 1 jobs + 1 from history');
		expect(frame()).toContain('jobs the server forgot shown from the journal');
		expect(frame()).not.toContain('301');
		const lines = frame().split('\n');
		expect(lines.findIndex(line => line.includes('201'))).toBeGreaterThan(lines.findIndex(line => line.includes('101')));
		// Enter on it: the server does not know it any more, and the detail view says why.
		app.stdin.write('G');
		await eventually(() => {
			expect(frame()).toMatch(/► ✗ Failed\s+201/v);
		});
		app.stdin.write('\r');
		await eventually(() => {
			expect(fake.describes).toHaveLength(1);
		});
		fake.failDescribe({kind: 'milvus', code: 2100, message: 'import job does not exist, jobID=201: importing data failed'});
		await eventually(() => {
			expect(frame()).toContain('expired (Milvus removes finished jobs ~3 h after they end)');
		});
		app.stdin.write('\u001B');
		await eventually(() => {
			expect(frame()).toMatch(/✗ Failed\s+201/v);
		});
		app.stdin.write('h');
		await eventually(() => {
			expect(frame()).not.toContain('201');
		});
	});

	test('the event log starts with the journal\'s events, marked earlier', async () => {
		const {app, journal, frame} = start();
		await journal;
		await tick();
		app.stdin.write('e');
		await eventually(() => {
			expect(frame()).toContain('0 since start, 3 earlier (journal)');
		});
		expect(frame()).toMatch(/earlier \d\d-\d\d \d\d:\d\d:\d\d\s+201\s+books\s+expired/v);
	});
});
