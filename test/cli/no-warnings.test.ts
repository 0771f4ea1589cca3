import {afterEach, expect, test} from 'vitest';
import type {DemoServer} from '../../source/demo/index.js';
import {runCli} from '../helpers/run-cli.js';
import type {Term} from '../helpers/term.js';
import {jobRows, startCli, startSeededDemo} from '../e2e/cli.js';

/**
Node prints its warnings (deprecations such as DEP0169 from node-fetch's url.parse on Node 24+, experimental
features) on stderr, and after the live screen closes they are left on the user's terminal. A normal run
must write nothing there, on every supported Node (`npm run test:nodes` runs this file on each).
NODE_OPTIONS and NODE_NO_WARNINGS are removed so nothing in the test's environment hides a warning.
*/
const noHiding = {NODE_OPTIONS: undefined, NODE_NO_WARNINGS: undefined};
const warning = /Warning|DEP\d{4}|\(node:\d+\)/v;

let server: DemoServer | undefined;
let term: Term | undefined;
afterEach(async () => {
	term?.kill('SIGKILL');
	term = undefined;
	await server?.close();
	server = undefined;
});

test.each([
	[['--once']],
	[['--json']],
	[['--json', '--db', 'default']],
])(`%j against a server: exit 0, output on stdout, not one byte on stderr (Node ${process.version})`, async args => {
	server = await startSeededDemo();
	const result = await runCli([...args, '--uri', server.url], noHiding);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	expect(result.stdout.length).toBeGreaterThan(100);
});

test.each([
	[['--demo', '--once']],
	[['--demo', '--json']],
])(`%j: exit 0, not one byte on stderr (Node ${process.version})`, async args => {
	const result = await runCli(args, noHiding);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	expect(result.stdout.length).toBeGreaterThan(100);
});

test.each([
	['against a server', true],
	['--demo', false],
])(`the live screen %s: no warning on screen, during or after (Node ${process.version})`, async (_name, withServer) => {
	server = withServer ? await startSeededDemo() : undefined;
	term = startCli(server === undefined ? ['--demo'] : ['--uri', server.url, '--interval', '0.5'], {env: noHiding});
	await term.waitFor(screen => jobRows(screen).length >= 5, 'the job rows', 15_000);
	expect(term.text()).not.toMatch(warning);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
	// Every byte written to the terminal (stdout and stderr share the PTY), and what stays on it after the
	// alternate screen is left.
	expect(term.output()).not.toMatch(warning);
	expect(term.text()).not.toMatch(warning);
});
