import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test,
} from 'vitest';
import {App} from '../source/app.js';
import type {Config} from '../source/config/config.js';
import {createFakeClient, job, type FakeClient} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

const start = (config: Partial<Config> = {}) => {
	const fake = createFakeClient();
	const app = render(<App client={fake.client} config={testConfig(config)} serverLabel='http://127.0.0.1:19530' onExit={() => undefined}/>);
	return {fake, app, frame: () => app.lastFrame() ?? ''};
};

const firstRequest = async (fake: FakeClient) => {
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
};

describe('the job table when it has no row', () => {
	test('first poll failed: "no data yet", and the header no longer says it is waiting', async () => {
		const {fake, frame} = start();
		await firstRequest(fake);
		expect(frame()).toContain('loading…');
		fake.failList({kind: 'unreachable', detail: 'http://127.0.0.1:19530: connection refused'});
		await eventually(() => {
			expect(frame()).toContain('STALE');
		});
		expect(frame()).toContain('no data yet');
		expect(frame()).not.toContain('loading…');
		expect(frame()).not.toContain('waiting for first poll');
		expect(frame()).toContain('no good poll yet');
	});

	test('the server has no import job: said so, naming the collection when there is one', async () => {
		const all = start();
		await firstRequest(all.fake);
		all.fake.answerList([]);
		await eventually(() => {
			expect(all.frame()).toContain('no import jobs on this server');
		});
		cleanup();

		const one = start({collections: ['books']});
		await firstRequest(one.fake);
		one.fake.answerList([]);
		await eventually(() => {
			expect(one.frame()).toContain('no import jobs in books');
		});
	});

	test('a filter that hides every job: which filter, and that Esc clears it', async () => {
		const {fake, frame, app} = start({initialFilter: 'zzz'});
		await firstRequest(fake);
		fake.answerList([job('1', 'Importing', 10)]);
		await eventually(() => {
			expect(frame()).toContain('no job matches filter "zzz" — Esc clears');
		});
		app.stdin.write('\u001B');
		await eventually(() => {
			expect(frame()).toContain('Importing');
		});
	});

	test('a state selection that hides every job says so', async () => {
		const {fake, frame} = start({initialStates: ['Failed']});
		await firstRequest(fake);
		fake.answerList([job('1', 'Importing', 10)]);
		await eventually(() => {
			expect(frame()).toContain('no job in state Failed — Esc clears');
		});
	});
});
