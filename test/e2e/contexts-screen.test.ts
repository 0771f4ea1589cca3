import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {
	createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse,
} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {keys, type Term} from '../helpers/term.js';
import {jobRows, startCli} from './cli.js';

/**
Several contexts on the real CLI in a PTY, against two demo servers of different versions: staging imitates
Milvus 2.5 and its context watches `db: analytics`; prod imitates Milvus 2.4.0 (no describe, rows weighted
40–100) and its context watches `collections: [books, movies]`. The header says where each shown context
looks; each row reads its progress with its own server's weights; `r` polls every shown context at once, and
a hanging one holds nobody up; the context picker's command line picks by name.
*/

const servers: DemoServer[] = [];
const proxies: Server[] = [];
let term: Term | undefined;

afterEach(async () => {
	term?.kill('SIGKILL');
	term = undefined;
	for (const proxy of proxies.splice(0)) {
		proxy.closeAllConnections();
		proxy.close();
	}

	await Promise.all(servers.splice(0).map(async server => server.close()));
});

/** A demo server whose clock the test moves (its jobs progress only when told), or the real one. */
const demo = async (flavor: '2.5' | '2.4.0', clock?: () => number): Promise<DemoServer> => {
	const server = await startDemoServer({
		port: 0, flavor, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000, clock,
	});
	servers.push(server);
	return server;
};

/** A front that passes requests on to `target` until `hang()`: then it takes them and never answers. */
const hangingFront = async (target: DemoServer): Promise<{readonly url: string; readonly hang: () => void}> => {
	let hanging = false;
	const proxy = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		if (hanging) {
			return;
		}

		const forward = httpRequest(`${target.url}${incoming.url ?? '/'}`, {method: incoming.method, headers: incoming.headers}, answer => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forward.on('error', () => {
			outgoing.destroy();
		});
		incoming.pipe(forward);
	});
	proxies.push(proxy);
	await new Promise<void>(resolve => {
		proxy.listen(0, '127.0.0.1', resolve);
	});
	const address = proxy.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		hang() {
			hanging = true;
		},
	};
};

const configFile = (stagingUrl: string, prodUrl: string): string => {
	const folder = mkdtempSync(join(tmpdir(), 'mit-contexts-screen-'));
	const config = join(folder, 'config.yaml');
	writeFileSync(config, [
		'contexts:',
		'  - name: staging',
		`    uri: ${stagingUrl}`,
		'    db: analytics',
		'  - name: prod',
		`    uri: ${prodUrl}`,
		'    collections: [books, movies]',
		'',
	].join('\n'));
	chmodSync(config, 0o600);
	return config;
};

const contextOf = (line: string): string | undefined => /(?<name>staging|prod)/v.exec(line)?.groups?.['name'];
const rowsOf = (screen: string, name: string) => jobRows(screen).filter(row => contextOf(row.line) === name);
const headerLine = (screen: string): string => screen.split('\n')[0] ?? '';

test('the header says where each shown context looks; the picker\'s command line picks by name', async () => {
	const staging = await demo('2.5');
	const prod = await demo('2.4.0');
	const screen = startCli(['--config', configFile(staging.url, prod.url), '--context', 'all', '--interval', '0.5', '--sort', 'jobId'], {cols: 150, rows: 40});
	term = screen;
	await screen.waitFor(text => rowsOf(text, 'staging').length > 0 && rowsOf(text, 'prod').length > 0, 'rows of both contexts', 20_000);
	// Both shown: staging watches analytics, prod the default database; staging all collections, prod two.
	expect(headerLine(screen.text())).toContain('db per context  collections per context');
	// Prod watches books and movies only (staging's analytics filters nothing without a collection: milvus#31273).
	expect(rowsOf(screen.text(), 'prod').every(row => row.collection === 'books' || row.collection === 'movies')).toBe(true);

	// `ctx⏎` keeps the picker open.
	screen.write(':');
	await screen.waitForText('all contexts');
	screen.write('ctx');
	await screen.waitForText(':ctx_');
	screen.write(keys.enter);
	await screen.waitForText('type ctx NAME, NAME or all, then Enter');
	expect(screen.text()).toContain('Contexts');

	// `ctx prod⏎`: prod alone; the header names its own database and collections.
	screen.write('ctx prod');
	await screen.waitForText(':ctx prod_');
	screen.write(keys.enter);
	await screen.waitFor(text => rowsOf(text, 'prod').length > 0 && rowsOf(text, 'staging').length === 0, 'prod alone', 15_000);
	await screen.waitFor(text => headerLine(text).includes('context prod (2 contexts)  db default  books, movies'), 'prod\'s own db and collections', 10_000);

	// Backspace edits: `stx` ⌫ ⌫ `taging` is staging (its `g` types, as any key after the first).
	screen.write(':');
	await screen.waitForText('all contexts');
	screen.write('stx');
	await screen.waitForText(':stx_');
	screen.write('\u007F\u007F');
	await screen.waitForText(':s_');
	screen.write('taging');
	await screen.waitForText(':staging_');
	screen.write(keys.enter);
	await screen.waitFor(text => rowsOf(text, 'staging').length > 0 && rowsOf(text, 'prod').length === 0, 'staging alone', 15_000);
	await screen.waitFor(text => headerLine(text).includes('context staging (2 contexts)  db analytics  all collections'), 'staging\'s own db', 10_000);

	// An unknown name says so and stays; Esc closes and forgets what was typed.
	screen.write(':');
	await screen.waitForText('all contexts');
	screen.write('nope');
	screen.write(keys.enter);
	await screen.waitForText('no context "nope" (all, staging, prod)');
	screen.write(keys.escape);
	await screen.waitForText('/ filter');
	expect(screen.text()).not.toContain(':nope');

	// `all⏎`: every context again.
	screen.write(':');
	await screen.waitForText('all contexts');
	screen.write('all');
	screen.write(keys.enter);
	await screen.waitFor(text => rowsOf(text, 'staging').length > 0 && rowsOf(text, 'prod').length > 0, 'both contexts again', 15_000);
	expect(headerLine(screen.text())).toContain('db per context  collections per context');
	screen.write('q');
	expect(await screen.waitForExit()).toBe(0);
}, 90_000);

test('each row follows its own server\'s version: 2.5 rows say sorting / building index past 70 %, 2.4.0 rows still import rows there', async () => {
	// Clocks that stand still: the seeded jobs stay where they start, whatever the machine's load.
	const frozen = Date.now();
	const staging = await demo('2.5', () => frozen);
	const prod = await demo('2.4.0', () => frozen);
	const screen = startCli(['--config', configFile(staging.url, prod.url), '--context', 'all', '--interval', '0.5', '--sort', 'jobId'], {cols: 170, rows: 50});
	term = screen;
	const importing = (text: string, name: string) => rowsOf(text, name).filter(row => row.line.includes('Importing') && row.percent >= 70 && row.percent < 90);
	const hinted = (text: string): boolean =>
		importing(text, 'staging').some(row => /sorting|building index/v.test(row.line))
		&& importing(text, 'prod').some(row => /%\/m|importing rows/v.test(row.line));
	await screen.waitFor(hinted, 'a 2.5 row in its sorting/index stage and a 2.4.0 row importing past 70 %', 20_000);
	// The 2.4.0 server has no sorting or index stage: none of its rows says so, whatever its progress.
	expect(rowsOf(screen.text(), 'prod').some(row => /sorting|building index/v.test(row.line))).toBe(false);
	// Its rows importing past 70 % have a rate (rows run to 100 there), the 2.5 rows in those stages none.
	expect(importing(screen.text(), 'staging').filter(row => /sorting|building index/v.test(row.line)).some(row => row.line.includes('%/m'))).toBe(false);
	screen.write('q');
	expect(await screen.waitForExit()).toBe(0);
}, 60_000);

test('r polls every shown context at once; a context that hangs holds nobody up', async () => {
	// The servers' clocks move only when the test says: a row changes only when its server was asked again.
	const start = Date.now();
	let stagingNow = start;
	let prodNow = start;
	const stagingServer = await demo('2.5', () => stagingNow);
	const prod = await demo('2.4.0', () => prodNow);
	const staging = await hangingFront(stagingServer);
	// An interval no wait below reaches: only `r` can bring the new rows in time.
	const screen = startCli(['--config', configFile(staging.url, prod.url), '--context', 'all', '--interval', '300', '--sort', 'jobId'], {cols: 150, rows: 45});
	term = screen;
	// The rows Importing at a moment, id → percent. Only a new list moves them: the background detail fetcher
	// asks describe about finished and Pending jobs (their times), never about a job whose list gave a progress.
	const importing = (text: string, name: string): ReadonlyMap<string, number> =>
		new Map(rowsOf(text, name).filter(row => row.line.includes('Importing')).map(row => [row.jobId, row.percent]));
	const movedOn = (text: string, name: string, from: ReadonlyMap<string, number>): boolean =>
		rowsOf(text, name).some(row => from.has(row.jobId) && from.get(row.jobId) !== row.percent);
	await screen.waitFor(text => importing(text, 'staging').size > 0 && importing(text, 'prod').size > 0, 'importing rows of both contexts', 20_000);
	await screen.waitForText('staging ok · prod ok');
	const first = {staging: importing(screen.text(), 'staging'), prod: importing(screen.text(), 'prod')};

	stagingNow += 20_000;
	prodNow += 20_000;
	screen.write('r');
	await screen.waitFor(text => movedOn(text, 'staging', first.staging) && movedOn(text, 'prod', first.prod), 'both contexts\' rows moved on after r', 15_000);

	// Staging now takes every request and never answers; prod moves on.
	staging.hang();
	// Every staging row by its id (a row without a percent too: a describe may turn a Pending row Failed).
	const stagingIds = (text: string): string[] => text.split('\n').filter(line => contextOf(line) === 'staging').flatMap(line => /\d{15,20}/v.exec(line)?.[0] ?? []);
	const before = {stagingIds: stagingIds(screen.text()), prod: importing(screen.text(), 'prod')};
	prodNow += 20_000;
	stagingNow += 20_000;
	screen.write('r');
	await screen.waitFor(text => movedOn(text, 'prod', before.prod), 'prod\'s rows moved on while staging hangs', 15_000);
	// Staging's last good rows stay (not blanked). Their numbers may still move: a describe of the background
	// detail fetcher that was out when the front began to hang can bring a row's newer facts.
	expect(stagingIds(screen.text())).toEqual(before.stagingIds);
	screen.write('q');
	expect(await screen.waitForExit()).toBe(0);
}, 90_000);
