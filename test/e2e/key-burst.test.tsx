import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../../source/app.js';
import {testConfig} from '../helpers/config.js';
import {createFakeClient, job} from '../helpers/fake-client.js';
import {eventually} from '../helpers/wait.js';

afterEach(() => {
	cleanup();
});

/*
Found by the PTY tests: keys that reach the app in one read, as `/movies` does when typed fast over SSH
or pasted, are one Ink input event; resolveKey('list', '/movies') matches no binding, so use-keys splits
such a burst into its keys (source/hooks/split-keys.ts) and routes each by the mode the previous ones left.
*/
test('a burst of keys typed in one read is handled key by key (/ then the filter text)', async () => {
	const fake = createFakeClient();
	const app = render(<App client={fake.client} config={testConfig()} serverLabel='http://127.0.0.1:19530' onExit={() => undefined}/>);
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	fake.answerList([job('101', 'Importing', 40), job('102', 'Completed', 100, {collectionName: 'movies'})]);
	await eventually(() => {
		expect(app.lastFrame()).toContain('102');
	});
	app.stdin.write('/movies');
	await eventually(() => {
		expect(app.lastFrame()).toContain('filter "movies"');
	}, 1000);
	expect(app.lastFrame()).not.toContain('101');
	// Enter in the same burst keeps the filter and leaves the filter box: `q` then quits, it is not typed.
	let exited: number | undefined;
	app.rerender(<App
		client={fake.client} config={testConfig()} serverLabel='http://127.0.0.1:19530'
		onExit={code => {
			exited = code;
		}}/>);
	app.stdin.write('!\r');
	await eventually(() => {
		expect(app.lastFrame()).toContain('filter "movies!"');
	}, 1000);
	app.stdin.write('q');
	await eventually(() => {
		expect(exited).toBe(0);
	}, 1000);
});
