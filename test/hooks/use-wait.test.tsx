import {render, cleanup} from 'ink-testing-library';
import {
	afterEach, describe, expect, test, vi,
} from 'vitest';
import type {ApiError} from '../../source/api/types.js';
import {App} from '../../source/app.js';
import type {WaitOptions} from '../../source/hooks/use-wait.js';
import type {ReportLine} from '../../source/modes/wait-report.js';
import {createFakeClient, job} from '../helpers/fake-client.js';
import {testConfig} from '../helpers/config.js';
import {eventually, tick} from '../helpers/wait.js';

afterEach(() => {
	cleanup();
});

const refused: ApiError = {kind: 'unreachable', detail: 'http://127.0.0.1:1: connection refused'};

/** The live screen in wait mode, with a client the test answers by hand. */
const startWait = (wait: Partial<WaitOptions>, config = testConfig({intervalMs: 500})) => {
	const fake = createFakeClient();
	const onExit = vi.fn<(code: number, report?: readonly ReportLine[]) => void>();
	const options: WaitOptions = {
		jobIds: [], filter: {text: '', states: []}, retries: 3, uri: 'http://127.0.0.1:1', ...wait,
	};
	const app = render(<App client={fake.client} config={config} serverLabel='s' wait={options} onExit={onExit}/>);
	/** Waits for the next list request and answers it. */
	const next = async (answer: (pending: typeof fake) => unknown) => {
		await eventually(() => {
			expect(fake.lists).toHaveLength(1);
		}, 5000);
		answer(fake);
		await tick();
	};

	return {
		fake, app, onExit, next,
	};
};

describe('useWait on the live screen follows the script-mode rules', () => {
	test('an unreachable server ends the wait with 3 once more than --retries polls in a row failed', async () => {
		const {onExit, next} = startWait({jobIds: ['1'], retries: 1});
		await next(fake => fake.failList(refused));
		expect(onExit).not.toHaveBeenCalled();
		await next(fake => fake.failList(refused));
		await eventually(() => {
			expect(onExit).toHaveBeenCalledTimes(1);
		});
		const [code, report] = onExit.mock.calls[0]!;
		expect(code).toBe(3);
		expect(report).toEqual([{
			stream: 'err',
			text: 'milvus-import-top: cannot reach http://127.0.0.1:1: connection refused — is Milvus running? check --uri or try --demo; gave up after 2 attempts\n',
		}]);
	});

	test('a good poll resets the count of failures', async () => {
		const {onExit, next} = startWait({jobIds: ['1'], retries: 1});
		await next(fake => fake.failList(refused));
		await next(fake => fake.answerList([job('1', 'Importing', 10)]));
		await next(fake => fake.failList(refused));
		expect(onExit).not.toHaveBeenCalled();
	});

	test('refused credentials end the wait with 3 at once, whatever --retries says', async () => {
		const {onExit, next} = startWait({jobIds: ['1'], retries: 5});
		await next(fake => fake.failList({kind: 'unauthorized', code: 1800, message: 'user hasn\'t authenticated'}));
		await eventually(() => {
			expect(onExit).toHaveBeenCalledTimes(1);
		});
		expect(onExit.mock.calls[0]![0]).toBe(3);
		expect(onExit.mock.calls[0]![1]![0]!.text).toContain('credentials refused (HTTP 401)');
	});

	test('an unknown collection (Milvus 100) ends the wait at once with 2: retrying cannot make it exist', async () => {
		const {onExit, next} = startWait({jobIds: ['1'], retries: 5});
		await next(fake => fake.failList({kind: 'milvus', code: 100, message: 'collection not found[collection=nope]'}));
		await eventually(() => {
			expect(onExit).toHaveBeenCalledTimes(1);
		});
		expect(onExit.mock.calls[0]![0]).toBe(2);
		expect(onExit.mock.calls[0]![1]![0]!.text).toContain('check --collection');
	});

	test.each([['q', 'q'], ['Ctrl-C', '\u0003']])('%s before the jobs finished is an interruption: 130, never 0 (`--wait && deploy`)', async (_name, key) => {
		const {app, onExit, next} = startWait({jobIds: ['1', '2'], retries: 3});
		await next(fake => fake.answerList([job('1', 'Completed', 100), job('2', 'Importing', 10)]));
		await eventually(() => {
			expect(app.lastFrame()).toContain('1 of 2 done');
		});
		app.stdin.write(key);
		await eventually(() => {
			expect(onExit).toHaveBeenCalledTimes(1);
		});
		expect(onExit.mock.calls[0]).toEqual([130, [{stream: 'err', text: 'milvus-import-top: interrupted: 1 of 2 watched jobs finished\n'}]]);
	});

	test('a --job id the server does not list: the limit is --retries, not a fixed 3', async () => {
		const {onExit, next} = startWait({jobIds: ['404'], retries: 0});
		await next(fake => fake.answerList([job('1', 'Importing', 10)]));
		await eventually(() => {
			expect(onExit).toHaveBeenCalledTimes(1);
		});
		expect(onExit.mock.calls[0]![0]).toBe(3);
		expect(onExit.mock.calls[0]![1]![0]!.text).toContain('job 404 not listed by http://127.0.0.1:1 in 1 poll');
	});

	test('with several --collection the screen lists all, but only jobs of those collections are waited for', async () => {
		const {onExit, next} = startWait({collections: ['books', 'movies']});
		await next(fake => fake.answerList([job('1', 'Importing', 10), job('2', 'Importing', 10, {collectionName: 'other'})]));
		await next(fake => fake.answerList([job('1', 'Completed', 100), job('2', 'Importing', 20, {collectionName: 'other'})]));
		await eventually(() => {
			expect(onExit).toHaveBeenCalledWith(0, [{stream: 'out', text: 'all 1 watched job completed\n'}]);
		});
	});

	test('the header says the screen is waiting, and how far it got', async () => {
		const {app, next} = startWait({jobIds: ['1', '2']});
		expect(app.lastFrame()).toContain('--wait: waiting for the first poll');
		await next(fake => fake.answerList([job('1', 'Completed', 100), job('2', 'Importing', 50)]));
		await eventually(() => {
			expect(app.lastFrame()).toContain('--wait: 1 of 2 done, exits when all finish');
		});
	});
});
