import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import {App, type AppProps} from '../source/app.js';
import type {Config} from '../source/config/config.js';
import {firstScope} from '../source/model/store/first-scope.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually, tick} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

const clock = 1_700_000_000_000;
const jobs = [job('101', 'Importing', 40), job('102', 'Failed', 0, {reason: 'import timeout'})];

const start = (config: Partial<Config>, firstList: AppProps['firstList']) => {
	const fake = createFakeClient();
	const onExit = vi.fn<(code: number) => void>();
	const now = (): number => clock;
	const app = render(<App client={fake.client} config={testConfig(config)} serverLabel='s' firstList={firstList} now={now} onExit={onExit}/>);
	return {fake, frame: () => app.lastFrame() ?? ''};
};

describe('firstScope', () => {
	test('the database, and the collection only when exactly one is given', () => {
		expect(firstScope({dbName: undefined, collections: []})).toEqual({dbName: undefined, collectionName: undefined});
		expect(firstScope({dbName: 'analytics', collections: ['books']})).toEqual({dbName: 'analytics', collectionName: 'books'});
		expect(firstScope({dbName: undefined, collections: ['books', 'movies']})).toEqual({dbName: undefined, collectionName: undefined});
	});
});

describe('App with a list loaded before it mounted', () => {
	test('the first frame shows its rows, and the first poll waits one interval after it', async () => {
		const config = {intervalMs: 1000};
		const {fake, frame} = start(config, {
			type: 'poll-ok', at: clock, scope: firstScope(testConfig(config)), jobs,
		});
		expect(frame()).toMatch(/◐ Importing\s+101\s+books/v);
		expect(frame()).toMatch(/✗ Failed\s+102\s+books .*import timeout/v);
		expect(frame()).not.toContain('waiting for first poll');
		await tick();
		await tick();
		expect(fake.listCalls).toBe(0);
	});

	test('the next poll follows one interval after the loaded list, not after the mount', async () => {
		const config = {intervalMs: 1000, dbName: 'analytics'};
		const {fake} = start(config, {
			type: 'poll-ok', at: clock - 1000, scope: firstScope(testConfig(config)), jobs,
		});
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
		expect(fake.lists[0]!.options).toMatchObject({dbName: 'analytics', collectionName: undefined});
	});

	test('a list of another scope is ignored: the screen polls at once, as without one', async () => {
		const {fake, frame} = start({dbName: 'analytics'}, {
			type: 'poll-ok', at: clock, scope: {dbName: undefined, collectionName: undefined}, jobs,
		});
		expect(frame()).not.toContain('101');
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		});
	});
});
