import {afterEach, expect, test} from 'vitest';
import {closedPortUrl} from '../helpers/http-server.js';
import {cliPath} from '../helpers/run-cli.js';
import {startTerm, type Term} from '../helpers/term.js';
import {records, startListServer} from './list-server.js';

/** The live-screen paths through cli/main.ts on a real pseudo-terminal (the screen itself is tested in test/app, test/components). */
let server: Awaited<ReturnType<typeof startListServer>> | undefined;
let term: Term | undefined;
afterEach(async () => {
	if (term && !term.exited) {
		term.kill();
	}

	await server?.close();
	server = undefined;
});

test('--demo on a terminal opens the live screen; q quits with 0 and restores the terminal', async () => {
	term = startTerm(process.execPath, [cliPath, '--demo']);
	await term.waitForText('Importing');
	expect(term.isAlternateScreen()).toBe(true);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
	expect(term.isAlternateScreen()).toBe(false);
});

test('--wait on a terminal: the live screen, then exit 0 when the job completes', async () => {
	server = await startListServer([records(['1', 'books', 'Importing', 50]), records(['1', 'books', 'Completed', 100])]);
	term = startTerm(process.execPath, [cliPath, '--wait', '--job', '1', '--interval', '0.5', '--uri', server.url]);
	expect(await term.waitForExit(15_000)).toBe(0);
	expect(server.listCalls()).toBeGreaterThanOrEqual(2);
});

test('no server: the screen still starts and says what it tried and what to do', async () => {
	const url = await closedPortUrl();
	term = startTerm(process.execPath, [cliPath, '--uri', url], {cols: 160});
	await term.waitForText('check --uri or try --demo');
	expect(term.text()).toContain(url.replace('http://', ''));
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
});
