import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import type {Term} from '../helpers/term.js';
import {jobRows, startCli} from './cli.js';

const servers: DemoServer[] = [];
let term: Term | undefined;

afterAll(async () => {
	term?.kill('SIGKILL');
	await Promise.all(servers.map(async server => server.close()));
});

/** The same seed on both: the two clusters list the same job ids, which must stay two rows each. */
const seeded = async (auth?: {readonly user: string; readonly password: string}): Promise<DemoServer> => {
	const server = await startDemoServer({
		port: 0, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000, auth,
	});
	servers.push(server);
	return server;
};

const contextOf = (line: string): string | undefined => /(?<name>staging|prod)(?<stale> stale)?/v.exec(line)?.groups?.['name'];
const staleRow = (line: string): boolean => line.includes(' stale ');

test('two clusters in one table: the same job id twice; one killed marks only its rows stale while the other keeps updating', async () => {
	const staging = await seeded();
	const prod = await seeded({user: 'root', password: 'Milvus'});
	const folder = mkdtempSync(join(tmpdir(), 'mit-contexts-'));
	writeFileSync(join(folder, 'prod.token'), 'root:Milvus\n');
	const config = join(folder, 'config.yaml');
	writeFileSync(config, `contexts:\n  - name: staging\n    uri: ${staging.url}\n  - name: prod\n    uri: ${prod.url}\n    tokenFile: prod.token\n`);
	chmodSync(config, 0o600);
	term = startCli(['--config', config, '--context', 'all', '--interval', '0.5', '--sort', 'jobId'], {cols: 140, rows: 50});
	const count = (screen: string, name: string): number => jobRows(screen).filter(row => contextOf(row.line) === name).length;
	// Both lists in: the seeded clusters list as many jobs each.
	await term.waitFor(screen => count(screen, 'staging') >= 10 && count(screen, 'staging') === count(screen, 'prod'), 'rows of both contexts', 20_000);
	const rows = jobRows(term.text());
	const byId = new Map<string, Set<string | undefined>>();
	for (const row of rows) {
		byId.set(row.jobId, new Set([...(byId.get(row.jobId) ?? []), contextOf(row.line)]));
	}

	// The same id on both clusters: two rows, one per context.
	expect([...byId.values()].some(names => names.size === 2)).toBe(true);
	expect(term.text()).toMatch(/staging ok · prod ok/v);
	expect(term.output()).not.toContain('Milvus\n');

	await staging.close();
	await term.waitFor(screen => /staging stale \d/v.test(screen) && jobRows(screen).some(row => staleRow(row.line)), 'staging marked stale', 20_000);
	const stale = jobRows(term.text());
	// Only staging's rows say stale; its last good rows stay on screen.
	expect(stale.filter(row => staleRow(row.line)).every(row => contextOf(row.line) === 'staging')).toBe(true);
	// Every staging row stays, whatever its progress (jobRows counts rows with a percent only, and a Pending job
	// that moved on before staging went down gained one: count the rows by their ids).
	const idRows = (screen: string, name: string): number => screen.split('\n').filter(line => /\d{15,20}/v.test(line) && contextOf(line) === name).length;
	expect(idRows(term.text(), 'staging')).toBe(idRows(term.text(), 'prod'));
	expect(stale.filter(row => contextOf(row.line) === 'prod').some(row => staleRow(row.line))).toBe(false);
	// Prod keeps being polled: its running jobs move on while staging is down.
	const progress = (screen: string): string => jobRows(screen).filter(row => contextOf(row.line) === 'prod').map(row => `${row.jobId}:${row.percent}`).join(',');
	const before = progress(term.text());
	await term.waitFor(screen => progress(screen) !== before && screen.includes('prod ok'), 'prod rows updating', 20_000);
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
}, 60_000);
