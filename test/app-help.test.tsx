import {render, cleanup} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {App} from '../source/app.js';
import {createFakeClient, job} from './helpers/fake-client.js';
import {testConfig} from './helpers/config.js';
import {eventually} from './helpers/wait.js';

afterEach(() => {
	cleanup();
});

const end = '\u001B[F';
const pageDown = '\u001B[6~';
const home = '\u001B[H';

test('help on a classic 24-row terminal: never taller than rows − 1, and every key reachable by scrolling', async () => {
	const fake = createFakeClient();
	const app = render(<App client={fake.client} config={testConfig()} serverLabel='s' onExit={() => undefined}/>);
	const frame = () => app.lastFrame() ?? '';
	await eventually(() => {
		expect(fake.lists).toHaveLength(1);
	});
	fake.answerList([job('1', 'Importing', 10)]);
	await eventually(() => {
		expect(frame()).toContain('Importing');
	});
	app.stdin.write('?');
	await eventually(() => {
		expect(frame()).toMatch(/Keys {2}lines 1-\d+ of \d+/v);
	});
	expect(frame().split('\n').length).toBeLessThanOrEqual(23);
	// The pickers' keys come last: out of sight at first.
	expect(frame()).not.toContain('choose');
	app.stdin.write(pageDown);
	await eventually(() => {
		expect(frame()).not.toContain('lines 1-');
	});
	app.stdin.write(end);
	await eventually(() => {
		expect(frame()).toContain('choose');
	});
	expect(frame().split('\n').length).toBeLessThanOrEqual(23);
	app.stdin.write(home);
	await eventually(() => {
		expect(frame()).toContain('lines 1-');
	});
	// Closing and reopening starts at the top again.
	app.stdin.write(end);
	await eventually(() => {
		expect(frame()).toContain('choose');
	});
	app.stdin.write('?');
	app.stdin.write('?');
	await eventually(() => {
		expect(frame()).toContain('lines 1-');
	});
});
