import {afterAll, expect, test} from 'vitest';
import type {DemoServer} from '../../source/demo/index.js';
import {keys, type Term} from '../helpers/term.js';
import {jobRows, startCli, startSeededDemo} from './cli.js';

/*
`--wait` on a terminal: leaving it by key before the jobs finished is an interruption, exit 130 whether
by `q` or Ctrl-C (it was 0: `--wait && deploy` deployed after an abort). The plain live screen: `q` is a
normal end (0), the Ctrl-C key 130 as a SIGINT would be; SIGTERM 143 in both.
*/
let server: DemoServer | undefined;
const running: Term[] = [];

afterAll(async () => {
	for (const term of running) {
		term.kill('SIGKILL');
	}

	await server?.close();
});

const start = async (args: readonly string[]): Promise<Term> => {
	server ??= await startSeededDemo();
	const term = startCli([...args, '--uri', server.url, '--interval', '0.5']);
	running.push(term);
	await term.waitFor(screen => jobRows(screen).length >= 5, 'the job rows', 15_000);
	return term;
};

test.each([
	['--wait, q', ['--wait'], 'q', 130],
	['--wait, Ctrl-C', ['--wait'], keys.ctrlC, 130],
	['live, q', [], 'q', 0],
	['live, Ctrl-C', [], keys.ctrlC, 130],
])('%s', async (_name, args, key, code) => {
	const term = await start(args);
	if (args.includes('--wait')) {
		await term.waitForText(/--wait: \d+ of \d+ done/v);
	}

	term.write(key);
	expect(await term.waitForExit()).toBe(code);
	if (args.includes('--wait')) {
		expect(term.text()).toMatch(/interrupted: \d+ of \d+ watched jobs? finished/v);
	}
});

test.each([[['--wait']], [[]]])('%j: SIGTERM → 143', async args => {
	const term = await start(args);
	term.kill('SIGTERM');
	expect(await term.waitForExit()).toBe(143);
});
