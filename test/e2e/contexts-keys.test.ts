import {
	chmodSync, mkdtempSync, readFileSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {seededRandom, startDemoServer, type DemoServer} from '../../source/demo/index.js';
import {keys, type Term} from '../helpers/term.js';
import {jobRows, startCli} from './cli.js';

/**
The keys of several contexts (issue #13) in a real terminal, against two demo servers imitating Milvus 3.0
(the same seed, so the same job ids; prod with auth and readOnly): the context picker `:`, `c` per context,
commit per row's context, and the journal keeping the two clusters' jobs apart. What was sent is read from
each server's own request log.
*/

const servers: DemoServer[] = [];
let term: Term | undefined;

afterEach(async () => {
	term?.kill('SIGKILL');
	term = undefined;
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const seeded = async (auth?: {readonly user: string; readonly password: string}): Promise<DemoServer> => {
	const server = await startDemoServer({
		port: 0, flavor: '3.0', random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000, auth,
	});
	servers.push(server);
	return server;
};

type Row = {readonly jobId: string; readonly collectionName: string; readonly state: string};

const list = async (demo: DemoServer, token?: string): Promise<Row[]> => {
	const response = await fetch(`${demo.url}/v2/vectordb/jobs/import/list`, {method: 'POST', body: '{}', headers: token === undefined ? {} : {authorization: `Bearer ${token}`}});
	const body = await response.json() as {data: {records: Row[]}}; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the demo's own shape
	return body.data.records;
};

const changes = (demo: DemoServer): string[] => demo.requests().map(entry => entry.path).filter(path => /\/(?:commit|abort)$/v.test(path));

const contextOf = (line: string): string | undefined => /(?<name>staging|prod)/v.exec(line)?.groups?.['name'];

const open = async (): Promise<{staging: DemoServer; prod: DemoServer; screen: Term; state: string}> => {
	const staging = await seeded();
	const prod = await seeded({user: 'root', password: 'Milvus'});
	const folder = mkdtempSync(join(tmpdir(), 'mit-contexts-keys-'));
	writeFileSync(join(folder, 'prod.token'), 'root:Milvus\n');
	const config = join(folder, 'config.yaml');
	writeFileSync(config, `contexts:\n  - name: staging\n    uri: ${staging.url}\n  - name: prod\n    uri: ${prod.url}\n    tokenFile: prod.token\n    readOnly: true\n`);
	chmodSync(config, 0o600);
	const state = join(folder, 'state');
	const screen = startCli(['--config', config, '--context', 'all', '--interval', '0.5', '--sort', 'jobId'], {cols: 150, rows: 40, env: {XDG_STATE_HOME: state}});
	term = screen;
	const count = (text: string, name: string): number => jobRows(text).filter(row => contextOf(row.line) === name).length;
	await screen.waitFor(text => count(text, 'staging') >= 5 && count(text, 'prod') >= 5, 'rows of both contexts', 20_000);
	return {
		staging, prod, screen, state,
	};
};

const onlyContext = (screen: Term, name: string) => async () => screen.waitFor(text => {
	const rows = jobRows(text);
	return rows.length > 0 && rows.every(row => contextOf(row.line) === name);
}, `only ${name}'s rows`, 15_000);

test(': picks all contexts or one, with each one\'s counts; c lists the shown context\'s collections, or context/name for all', async () => {
	const {staging, screen} = await open();
	const stagingJobs = await list(staging);
	const total = stagingJobs.length;
	screen.write(':');
	await screen.waitForText('all contexts');
	// Each context's line: its state and its jobs, counted from its own last list.
	await screen.waitFor(text => new RegExp(String.raw`staging +ok +${total} jobs +\d+ running +\d+ completed +\d+ failed +\d+%`, 'v').test(text), 'staging\'s counts', 10_000);
	expect(screen.text()).toMatch(/prod +ok +\d+ jobs/v);
	screen.write('G');
	screen.write(keys.enter);
	await onlyContext(screen, 'prod')();
	expect(screen.text()).toContain('context prod (2 contexts)');

	// c: prod's own collections, without a context in front.
	screen.write('c');
	await screen.waitForText('Collections');
	await screen.waitFor(text => /^\S* +all collections/mv.test(text) && !text.includes('staging/'), 'prod\'s collections', 10_000);
	screen.write(keys.escape);
	await screen.waitForText('/ filter'); // Back on the list (an Esc and a key at once would read as Alt+key).

	// Back to all: `c` lists context/name, and choosing one shows that context at that collection.
	screen.write(':');
	await screen.waitForText('all contexts');
	screen.write('g');
	screen.write(keys.enter);
	await screen.waitFor(text => jobRows(text).some(row => contextOf(row.line) === 'staging') && jobRows(text).some(row => contextOf(row.line) === 'prod'), 'both contexts again', 15_000);
	screen.write('c');
	await screen.waitForText('staging/');
	screen.write('j'); // The first entry after "all collections": one of staging's.
	const chosen = /staging\/(?<name>\S+)/v.exec(screen.text().split('\n').find(line => line.includes('staging/')) ?? '')?.groups?.['name'];
	expect(chosen).toBeDefined();
	screen.write(keys.enter);
	await screen.waitFor(text => {
		const rows = jobRows(text);
		return rows.length > 0 && rows.every(row => contextOf(row.line) === 'staging' && row.collection === chosen);
	}, `only staging's ${chosen}`, 15_000);
	screen.write('q');
	expect(await screen.waitForExit()).toBe(0);
}, 90_000);

test('C commits on the row\'s own context; the read-only context sends nothing; the journal keeps the same id on two clusters apart', async () => {
	const {
		staging, prod, screen, state,
	} = await open();
	const stagingJobs = await list(staging);
	const prodJobs = await list(prod, 'root:Milvus');
	const job = stagingJobs.filter(row => row.state === 'Uncommitted').toSorted((a, b) => a.jobId.localeCompare(b.jobId))[0]!;
	expect(prodJobs.some(row => row.jobId === job.jobId)).toBe(true); // The same id on prod.
	const pick = async (name: string, index: number): Promise<void> => {
		screen.write(keys.escape); // The previous filter, cleared.
		await screen.waitFor(text => jobRows(text).length > 1, 'the filter cleared', 10_000);
		screen.write(':');
		await screen.waitForText('all contexts');
		screen.write('g');
		for (let step = 0; step < index; step++) {
			screen.write('j');
		}

		screen.write(keys.enter);
		await onlyContext(screen, name)();
		screen.write('/');
		await screen.waitForText('Esc clear');
		screen.write(job.jobId);
		await screen.waitFor(text => jobRows(text).length === 1 && jobRows(text)[0]!.jobId === job.jobId, `only ${name}/${job.jobId}`, 10_000);
		screen.write(keys.enter);
		await screen.waitForText('/ filter');
	};

	await pick('staging', 1);
	screen.write('C');
	await screen.waitForText(`Commit job staging/${job.jobId} of collection ${job.collectionName}?`);
	screen.write('y');
	await screen.waitForText(`commit sent: job staging/${job.jobId} (Milvus accepted it)`);
	await screen.waitFor(text => jobRows(text)[0]?.line.includes('Committing') ?? false, 'staging\'s row Committing', 10_000);
	expect(changes(staging)).toEqual(['/v2/vectordb/jobs/import/commit']);
	// The detail view asks the row's own cluster: staging's job is Committing now, prod's (below) still Uncommitted.
	screen.write(keys.enter);
	await screen.waitForText(`Job staging/${job.jobId}`);
	await screen.waitFor(text => text.split('\n').slice(3).join('\n').includes('Committing'), 'staging\'s detail: Committing', 10_000);
	// y copies the server's own id, not the row key.
	screen.write('y');
	await screen.waitForText(`copied ${job.jobId}`);
	expect(screen.text()).not.toContain('copied staging/');
	screen.write(keys.escape);
	await screen.waitForText('/ filter');
	// The event log names the row's context with the whole id.
	screen.write('e');
	await screen.waitForText('Event log');
	await screen.waitFor(text => text.includes(`staging/${job.jobId}`) && (text.split('\n').find(line => line.includes(`staging/${job.jobId}`)) ?? '').includes('Committing'), 'the commit in the event log', 10_000);
	screen.write(keys.escape);
	await screen.waitForText('/ filter');

	await pick('prod', 2);
	await screen.waitForText('C/X read-only');
	screen.write('C');
	await screen.waitForText('read-only: commit and abort are off');
	expect(screen.text()).not.toContain('[y/N]');
	expect(changes(prod)).toEqual([]);
	expect(changes(staging)).toHaveLength(1);
	screen.write(keys.enter);
	await screen.waitForText(`Job prod/${job.jobId}`);
	await screen.waitFor(text => text.split('\n').slice(3).join('\n').includes('Uncommitted'), 'prod\'s detail: Uncommitted', 10_000);
	expect(screen.text().split('\n').slice(3).join('\n')).not.toContain('Committing');
	screen.write(keys.escape);
	await screen.waitForText('/ filter');
	screen.write('q');
	expect(await screen.waitForExit()).toBe(0);

	// One journal: the same id on both clusters is two jobs, each with its context and cluster.
	const records = readFileSync(join(state, 'milvus-import-top', 'journal.jsonl'), 'utf8').trim().split('\n')
		.map(line => JSON.parse(line) as {jobId: string; context: string; cluster: string; state: string}); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- the journal's own shape
	const mine = records.filter(record => record.jobId === job.jobId);
	expect(new Set(mine.map(record => `${record.context} ${record.cluster}`))).toEqual(new Set([`staging ${staging.url}`, `prod ${prod.url}`]));
	expect(mine.findLast(record => record.context === 'staging')?.state).toBe('Committing');
	expect(mine.findLast(record => record.context === 'prod')?.state).toBe('Uncommitted');
}, 90_000);
