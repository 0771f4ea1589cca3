import {afterEach, expect, test} from 'vitest';
import {closedPortUrl} from '../helpers/http-server.js';
import {cliPath} from '../helpers/run-cli.js';
import {startTerm, type Term} from '../helpers/term.js';

let term: Term | undefined;
afterEach(() => {
	if (term && !term.exited) {
		term.kill();
	}

	term = undefined;
});

/** Select Graphic Rendition sequences (colour, bold, inverse …), except a plain reset. */
const styling = (output: string): readonly string[] =>

	[...output.matchAll(/\u001B\[([\d;:]*)m/gv)].map(match => match[0]).filter(sequence => sequence !== '\u001B[m' && sequence !== '\u001B[0m');

test('--wait on a terminal: an unreachable server ends it with 3 after --retries, and the reason stays on the main screen', async () => {
	const url = await closedPortUrl();
	term = startTerm(process.execPath, [cliPath, '--wait', '--job', '1', '--retries', '1', '--interval', '0.5', '--uri', url], {cols: 160});
	expect(await term.waitForExit(15_000)).toBe(3);
	expect(term.isAlternateScreen()).toBe(false);
	expect(term.text()).toContain('gave up after 2 attempts');
	expect(term.text()).toContain('cannot reach');
});

// The PTY sets TERM from its own name, so TERM=dumb goes through env(1). FORCE_COLOR=3 from the parent must not win either.
test.each([
	['--no-color', 'NO_COLOR='],
	['NO_COLOR=1', 'NO_COLOR=1'],
	['TERM=dumb', 'TERM=dumb'],
] as const)('%s: the live screen writes no SGR at all, yet glyphs and labels tell the states apart', async (name, variable) => {
	const flags = name === '--no-color' ? ['--no-color'] : [];
	term = startTerm('env', [variable, 'FORCE_COLOR=3', process.execPath, cliPath, '--demo', ...flags]);
	await term.waitForText('Failed');
	await term.waitForText('Completed');
	const screen = term.text();
	expect(screen).toMatch(/[✗X] Failed/v);
	expect(screen).toMatch(/[✓+] Completed/v);
	expect(screen).toMatch(/[►>] /v);
	expect(styling(term.output())).toEqual([]);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
});

test('with colour on, the same screen does style (the check above can fail)', async () => {
	term = startTerm(process.execPath, [cliPath, '--demo'], {env: {FORCE_COLOR: '1'}});
	await term.waitForText('Completed');
	expect(styling(term.output()).length).toBeGreaterThan(0);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
});
