import type {Credentials} from '../../source/demo/auth.js';
import type {Context} from '../../source/demo/context.js';
import {traitsOf, type Flavor} from '../../source/demo/flavor.js';
import {handle, type Reply} from '../../source/demo/routes.js';
import {seededRandom} from '../../source/demo/rng.js';
import {emptyWorld, makeDemoJob} from '../../source/demo/seed.js';
import type {JobSpec} from '../../source/demo/sim.js';
import {tick, type Rules, type World} from '../../source/demo/world.js';

/** What the tests read from replies; the server's own output, so a cast is the test's claim. */
export type Envelope = {readonly code: number; readonly message?: string; readonly data?: unknown};
export type Record_ = {readonly jobId: string; readonly collectionName: string; readonly state: string; readonly progress: number; readonly reason?: string};
export type ListReply = {readonly code: number; readonly message?: string; readonly data: {readonly records: readonly Record_[]}};
export type Detail = {
	readonly fileName: string; readonly fileSize: number; readonly progress: number; readonly state: string;
	readonly importedRows: number; readonly totalRows: number; readonly completeTime: string; readonly reason?: string;
};
export type DescribeReply = {
	readonly code: number;
	readonly message?: string;
	readonly data: {
		readonly jobId: string; readonly collectionName: string; readonly createTime?: string; readonly completeTime: string;
		readonly state: string; readonly progress: number; readonly importedRows: number; readonly totalRows: number;
		readonly reason?: string; readonly fileSize: number; readonly details: readonly Detail[];
	};
};

// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export const start = Date.UTC(2026, 4, 2, 10, 0, 0);

/** A job of three files in one folder, created at `start`. */
export const spec: JobSpec = {
	jobId: '454891732197474512',
	dbName: 'default',
	collectionName: 'books',
	collectionId: 454_891_732_190_001_101n,
	files: [
		{paths: ['books/a/1.parquet'], size: 3_279_917, rows: 100_000},
		{paths: ['books/a/2.parquet'], size: 1_000_000, rows: 40_000},
		{paths: ['books/a/3.parquet'], size: 2_000_000, rows: 70_000},
	],
	autoCommit: true,
	createdAt: start,
};

/** A clock the test moves by hand. */
export const manualClock = (at = start) => {
	let now = at;
	return {
		now: () => now,
		advance(ms: number) {
			now += ms;
		},
	};
};

/** A routes-level session: one World, requests in, replies and the World carried forward. */
export const session = (flavor: Flavor = '2.6', options: {readonly auth?: Credentials; readonly world?: World; readonly seed?: number; readonly arrivalMs?: number} = {}) => {
	const clock = manualClock();
	const random = seededRandom(options.seed ?? 42);
	let world = options.world ?? emptyWorld();
	const rules: Rules = {flavor, retentionMs: 60_000, arrivalMs: options.arrivalMs ?? 0};
	const context = (): Context => ({
		world,
		now: clock.now(),
		random,
		flavor,
		traits: traitsOf(flavor),
		rules,
		auth: options.auth,
		makeJob: makeDemoJob,
	});
	const send = (path: string, body: unknown = {}, headers: {readonly authorization?: string; readonly dbName?: string; readonly method?: string} = {}): Reply => {
		// As the server does: bring the world up to now (GC, arrivals), then answer.
		world = tick(world, clock.now(), {random, rules, make: makeDemoJob});
		const result = handle(context(), {
			method: headers.method ?? 'POST',
			path: `/v2/vectordb${path}`,
			authorization: headers.authorization,
			dbName: headers.dbName,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		world = result.world;
		return result.reply;
	};

	/** The parsed JSON body of a reply. */
	const call = <T = Envelope>(path: string, body: unknown = {}, headers: Parameters<typeof send>[2] = {}): T => parseJson<T>(send(path, body, headers).body);

	return {
		clock, send, call, world: () => world,
	};
};
