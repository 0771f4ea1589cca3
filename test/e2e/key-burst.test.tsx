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
Known bug (found by the PTY tests): keys that reach the app in one read, as `/movies` does when typed
fast over SSH or pasted, are one Ink input event; in list mode resolveKey('list', '/movies') matches no
binding and the whole burst is dropped (source/hooks/use-keys.ts passes the input through whole).
`test.fails` keeps the suite green while the bug stands; drop `.fails` once use-keys splits bursts.
*/
test.fails('a burst of keys typed in one read is handled key by key (/ then the filter text)', async () => {
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
});
