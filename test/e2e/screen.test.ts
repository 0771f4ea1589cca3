import {
	afterAll, beforeAll, describe, expect, test,
} from 'vitest';
import type {DemoServer} from '../../source/demo/index.js';
import {keys, type Term} from '../helpers/term.js';
import {records, startListServer} from '../cli/list-server.js';
import {
	count, jobRows, startCli, startSeededDemo,
} from './cli.js';

let server: DemoServer;
const running: Term[] = [];

beforeAll(async () => {
	server = await startSeededDemo();
});

afterAll(async () => {
	for (const term of running) {
		term.kill('SIGKILL');
	}

	await server.close();
});

const open = async (): Promise<Term> => {
	const term = startCli(['--uri', server.url, '--interval', '0.5']);
	running.push(term);
	await term.waitFor(screen => jobRows(screen).length >= 10, 'the job rows', 15_000);
	return term;
};

const lines = (screen: string): number => screen.split('\n').filter(line => line.trim() !== '').length;

/** The widest line, in code points (the views' text is one cell each): the header fills the width the app laid out for. */
const widest = (screen: string): number => Math.max(...screen.split('\n').map(line => [...line].length));

/**
The view is whole, laid out for `columns`: its content, the header on the first row (a terminal that shrinks
drops its top lines to keep the cursor's row, and only a repaint brings them back), and at least as many
lines as before.
*/
const whole = (screen: string, content: RegExp, minimum: number, columns: number): boolean =>
	content.test(screen) && (screen.split('\n')[0] ?? '').includes(server.url) && lines(screen) >= minimum
	&& widest(screen) > columns - 10 && widest(screen) < columns;

const keepsContent = async (key: string, content: RegExp): Promise<void> => {
	const term = await open();
	term.write(key);
	await term.waitForText(content);
	const before = lines(term.text());
	term.resize(100, 26);
	await term.waitFor(screen => whole(screen, content, Math.min(before, 20), 100), 'the view whole again', 10_000);
	term.resize(110, 28);
	await term.waitFor(screen => whole(screen, content, before, 110), 'the view whole again', 10_000);
	// Down and back while the app is stopped (as a loaded machine may keep it from running): it then reads the
	// size it had and Node emits no 'resize', but the terminal has changed its screen meanwhile; only SIGWINCH
	// says so (issue #11: the detail view lost its top line).
	term.kill('SIGSTOP');
	term.resize(100, 20);
	term.resize(110, 28);
	term.kill('SIGCONT');
	await term.waitFor(screen => whole(screen, content, before, 110), 'the view whole after a resize down and back', 10_000);
	expect(term.output()).not.toContain('\u001B[3J');
	term.write('q');
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
};

describe('the screen after a resize', () => {
	// Each view, the key that opens it, and a text only its content shows.
	test.each([
		['the list', '', /STATE.*JOB ID/v],
		['help', '?', /Esc or \? to close/v],
		['the detail view', keys.enter, /Files \(\d+\)/v],
		['the collection picker', 'c', /► all collections/v],
		['the event log', 'e', /\d{2}:\d{2}:\d{2}/v],
	])('%s keeps its content, and the scrollback is never erased (CSI 3J)', async (_view, key, content) => {
		await keepsContent(key, content);
	});
});

describe('the last column', () => {
	test('is never written: a name with an emoji ZWJ sequence (drawn 4 cells wide by xterm.js) neither wraps the selected row nor doubles the header and footer', async () => {
		const list = await startListServer([records(
			['454891732197000001', 'team👩‍💻books', 'Importing', 40],
			['454891732197000002', 'movies', 'Completed', 100],
			['454891732197000003', 'clicks', 'Pending', 0],
		)]);
		const term = startCli(['--uri', list.url, '--interval', '0.5'], {unicode11: true});
		running.push(term);
		try {
			await term.waitFor(screen => jobRows(screen).length === 3, 'the job rows', 15_000);
			term.write(keys.enter);
			await term.waitForText('Esc to go back');
			term.write(keys.escape);
			await term.waitFor(screen => jobRows(screen).length === 3, 'the list again', 10_000);
			const screen = term.screen();
			expect(screen[0]).toContain(list.url);
			expect(count(screen.join('\n'), list.url)).toBe(1);
			expect(count(screen.join('\n'), 'q/Ctrl-C quit')).toBe(1);
			expect(term.lastColumn().every(cell => cell === '')).toBe(true);
			term.write('q');
			expect(await term.waitForExit()).toBe(0);
		} finally {
			await list.close();
		}
	});
});

describe('--ascii', () => {
	const listFooter = /\/ filter .* q\/Ctrl-C quit/v;
	test.each([
		[['--ascii'], {}],
		[[], {LANG: 'C', LC_ALL: 'C'}],
	])('%j %j: not one byte outside ASCII reaches the terminal, in the list, help, detail view, picker and event log', async (flags, env) => {
		const list = await startListServer([records(
			['454891732197000001', 'books', 'Importing', 40],
			['454891732197000002', 'movies', 'Failed', 0, 'the dim (512) of field \'embedding\' is wrong'],
			['454891732197000003', 'clicks', 'Pending', 0],
		)]);
		const term = startCli(['--uri', list.url, '--interval', '0.5', ...flags], {env});
		running.push(term);
		try {
			// The Failed row has no percentage: it had failed before the first poll (issue 15).
			await term.waitFor(screen => jobRows(screen).length === 2 && screen.includes('454891732197000002'), 'the job rows', 15_000);
			for (const [key, shown] of [['?', /Esc or \? to close/v],
				['?', listFooter],
				[keys.enter, /Esc to go back/v],
				[keys.escape, listFooter],
				['c', /Enter to choose/v],
				[keys.escape, listFooter],
				['e', /Event log/v],
				['e', listFooter]] as const) {
				term.write(key);
				// eslint-disable-next-line no-await-in-loop
				await term.waitForText(shown);
			}

			expect(term.output()).not.toMatch(/[^\u0000-\u007F]/v);
			term.write('q');
			expect(await term.waitForExit()).toBe(0);
		} finally {
			await list.close();
		}
	});
});
