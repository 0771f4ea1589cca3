import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {keys, startTerm, type Term} from '../helpers/term.js';
import {cliPath, jobRows, seededDemoPerFile} from './cli.js';

const demo = seededDemoPerFile();

/**
The CLI run by a shell that then prints its exit code and the terminal settings, in the same PTY:
what a person gets back after the app ends. `$$` lets the test find the app's process.
*/
const startInShell = async (): Promise<{term: Term; shellPid: number}> => {
	const script = `echo "shell=$$"; ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} --uri ${demo.url()} --interval 0.5; echo "exit=$?"; stty -a`;
	const term = demo.track(startTerm('bash', ['-c', script], {cols: 110, rows: 28}));
	await term.waitFor(screen => jobRows(screen).length >= 10, 'the job rows', 15_000);
	const shellPid = Number(/shell=(?<pid>\d+)/v.exec(term.output())?.groups?.['pid']);
	return {term, shellPid};
};

/** After the app: the main screen, the cursor shown, line editing and echo back on. */
const expectCleanTerminal = async (term: Term, exitCode: number): Promise<void> => {
	await term.waitForText(/exit=\d+/v);
	await term.waitForText(/\bicanon\b/v);
	const screen = term.text();
	expect(screen).toContain(`exit=${exitCode}`);
	expect(term.isAlternateScreen()).toBe(false);
	expect(term.isCursorHidden()).toBe(false);
	expect(screen).toMatch(/(?:^|\s)icanon(?=\s|$)/mv);
	expect(screen).toMatch(/(?:^|\s)echo(?=\s|$)/mv);
	expect(screen).not.toMatch(/(?:^|\s)-(?:icanon|echo)(?=\s|$)/mv);
	expect(await term.waitForExit()).toBe(0);
};

/** The app started by the shell (Linux: the shell's only child). */
const appPid = (shellPid: number): number => {
	const children = readFileSync(`/proc/${shellPid}/task/${shellPid}/children`, 'utf8').trim().split(/\s+/v);
	expect(children).toHaveLength(1);
	return Number(children[0]);
};

describe('the terminal is left as it was found', () => {
	test('q exits 0 from the alternate screen and restores the tty', async () => {
		const {term} = await startInShell();
		expect(term.isAlternateScreen()).toBe(true);
		expect(term.isCursorHidden()).toBe(true);
		term.write('q');
		await expectCleanTerminal(term, 0);
	});

	test('Ctrl-C quits with 130, as a SIGINT would, and restores the tty', async () => {
		const {term} = await startInShell();
		term.write(keys.ctrlC);
		await expectCleanTerminal(term, 130);
	});

	test.runIf(process.platform === 'linux')('SIGTERM ends with 143 and restores the tty', async () => {
		const {term, shellPid} = await startInShell();
		process.kill(appPid(shellPid), 'SIGTERM');
		await expectCleanTerminal(term, 143);
	});
});

test('below the minimum size it says so, and redraws the table when there is room again', async () => {
	const term = demo.start();
	await term.waitFor(screen => jobRows(screen).length >= 10, 'the job rows', 15_000);
	term.resize(50, 8);
	await term.waitForText(/terminal too small: need \d+×\d+ \(have 50×8\)/v);
	expect(jobRows(term.text())).toEqual([]);
	term.resize(110, 28);
	await term.waitFor(screen => jobRows(screen).length >= 10 && !screen.includes('too small'), 'the table again', 10_000);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
});
