import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {Job} from '../../source/model/jobs/job.js';
import {mergePoll} from '../../source/model/jobs/history.js';
import {track} from '../../source/model/jobs/tracked.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';
import {createLiveJobs} from '../../source/journal/live-jobs.js';
import {createJobObserver, type JournalIndex, type JournalScope} from '../../source/journal/observer.js';
import {seededRandom, shuffle} from '../../source/demo/rng.js';
import {createPlainObserver} from './plain-observer.js';

/*
The journal's observer merges each poll in place (journal/live-jobs.ts). Whatever the polls (a new
order every time, as Milvus lists them; records listed twice; jobs that vanish and come back; state,
progress, reason and collection changes; stalls; the clock going back), scope switches and restarts,
it must derive the same records, in the same order, and leave the same index as the plain mergePoll.
*/

const pool = Array.from({length: 14}, (_, index) => String(454_891_732_197_474_512n + BigInt(index * 37)));
const stallAfterMs = 10_000;
const scopes: JournalScope[] = [
	{
		cluster: 'http://a:19530', db: '', context: '', collections: [],
	},
	{
		cluster: 'http://a:19530', db: '', context: 'a', collections: ['books'],
	},
	{
		cluster: 'http://a:19530', db: 'other', context: '', collections: [],
	},
];

type Fields = Omit<Job, 'jobId' | 'context'>;
const fields: fc.Arbitrary<Fields> = fc.record({
	collectionName: fc.constantFrom('books', 'movies'),
	state: fc.constantFrom('Pending', 'Importing', 'Importing', 'Completed', 'Failed', 'Uncommitted'),
	progress: fc.option(fc.integer({min: 0, max: 100}), {nil: undefined, freq: 6}),
	reason: fc.constantFrom('', '', 'failed to read s3://bucket/imports/2026/part-00017.parquet: timeout', 'quota exceeded'),
});
const slot = fc.nat({max: pool.length - 1});

const wait = fc.oneof(
	{weight: 6, arbitrary: fc.integer({min: 1, max: 4000})},
	{weight: 3, arbitrary: fc.integer({min: 4000, max: 30_000})},
	{weight: 1, arbitrary: fc.integer({min: -3000, max: 0})},
);

const busy = fc.record({
	changes: fc.array(fc.tuple(slot, fields), {maxLength: 4}),
	/** Progress of a few jobs moving on (no state change): rate samples, no event. */
	moves: fc.array(fc.tuple(slot, fc.integer({min: 1, max: 30})), {maxLength: 3}),
	removed: fc.array(slot, {maxLength: 3}),
	added: fc.array(fc.tuple(slot, fields), {maxLength: 3}),
	/** Records listed twice: a copy of one (same fields, or others), put anywhere in the list. */
	twice: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(fields, {nil: undefined})), {maxLength: 2}),
	order: fc.integer(),
	wait,
});

/** Nothing changes but the order (and the clock): the plain merge then keeps its map, in the order it had. */
const quiet = fc.record({order: fc.integer(), wait}).map(({order, wait}) => ({
	changes: [], moves: [], removed: [], added: [], twice: [], order, wait,
}));

const poll = fc.oneof({weight: 3, arbitrary: busy}, {weight: 1, arbitrary: quiet});

type Poll = typeof busy extends fc.Arbitrary<infer T> ? T : never;

/** A seeded shuffle (the demo's, Park–Miller): every poll lists the jobs in a new order, as Milvus does. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => shuffle(seededRandom(seed), items);

/** The server's jobs after a poll's changes, and what its list says (shuffled, maybe with repeats). */
const applyPoll = (world: Map<string, Job>, step: Poll): Job[] => {
	for (const [index, changed] of step.changes) {
		const jobId = pool[index]!;
		if (world.has(jobId)) {
			world.set(jobId, {jobId, ...changed});
		}
	}

	for (const [index, by] of step.moves) {
		const job = world.get(pool[index]!);
		if (job !== undefined) {
			world.set(job.jobId, {...job, progress: Math.min(100, (job.progress ?? 0) + by)});
		}
	}

	for (const index of step.removed) {
		world.delete(pool[index]!);
	}

	for (const [index, added] of step.added) {
		world.set(pool[index]!, {jobId: pool[index]!, ...added});
	}

	const list = shuffled([...world.values()], step.order);
	for (const [which, where, other] of step.twice) {
		if (list.length > 0) {
			const copy = list[which % list.length]!;
			list.splice(where % (list.length + 1), 0, other === undefined ? {...copy} : {jobId: copy.jobId, ...other});
		}
	}

	return list;
};

const initialWorld = (count: number, seedFields: readonly Fields[]): Map<string, Job> =>
	new Map(pool.slice(0, count).map((jobId, index) => [jobId, {jobId, ...seedFields[index % seedFields.length]!}]));

const step = fc.record({
	before: fc.oneof(
		{weight: 10, arbitrary: fc.constant({kind: 'poll' as const})},
		{weight: 1, arbitrary: fc.record({kind: fc.constant('scope' as const), index: fc.nat({max: scopes.length - 1})})},
		{weight: 1, arbitrary: fc.constant({kind: 'restart' as const})},
	),
	poll,
});

describe('the journal observer merging in place', () => {
	test('derives the same records, in the same order, and the same index as the plain mergePoll, over shuffled polls, scope switches and restarts', () => {
		fc.assert(fc.property(fc.nat({max: pool.length}), fc.array(fields, {minLength: 1, maxLength: 4}), fc.array(step, {maxLength: 40}), (count, seedFields, steps) => {
			const plainIndex: JournalIndex = new Map();
			const index: JournalIndex = new Map();
			let plain = createPlainObserver(plainIndex, stallAfterMs);
			let observer = createJobObserver(index, stallAfterMs);
			const world = initialWorld(count, seedFields);
			let scope = scopes[0]!;
			let at = 1_765_000_000_000;
			const observe = (list: readonly Job[]) => {
				const expected = plain.observe(scope, list, at);
				expect(observer.observe(scope, list, at)).toEqual(expected);
				expect([...index]).toEqual([...plainIndex]);
			};

			observe(shuffled([...world.values()], count));
			for (const {before, poll: item} of steps) {
				if (before.kind === 'scope') {
					scope = scopes[before.index]!;
				} else if (before.kind === 'restart') {
					plain = createPlainObserver(plainIndex, stallAfterMs);
					observer = createJobObserver(index, stallAfterMs);
				}

				at += item.wait;
				observe(applyPoll(world, item));
			}
		}), {numRuns: 500});
	});

	test('the live jobs are mergePoll\'s after every poll, whatever goneKeepMs, from a first poll without a previous one', () => {
		const goneKeep = fc.constantFrom(0, 5000, 60_000);
		fc.assert(fc.property(fc.nat({max: pool.length}), fc.array(fields, {minLength: 1, maxLength: 4}), goneKeep, fc.array(poll, {maxLength: 40}), (count, seedFields, goneKeepMs, polls) => {
			const seeded = new Map<string, TrackedJob>([...initialWorld(Math.floor(count / 2), seedFields).values()].map(job => [job.jobId, track(job, 0)]));
			const live = createLiveJobs(seeded);
			let jobs: ReadonlyMap<string, TrackedJob> = seeded;
			const world = initialWorld(count, seedFields);
			let at = 1000;
			let previousAt: number | undefined;
			for (const item of [undefined, ...polls]) {
				at += item?.wait ?? 0;
				const list = item === undefined ? shuffled([...world.values()], count) : applyPoll(world, item);
				const options = {
					at, previousAt, stallAfterMs, goneKeepMs,
				};
				const merged = mergePoll(jobs, list, options);
				expect(live.merge(list, options)).toEqual(merged.events);
				jobs = merged.jobs;
				for (const jobId of pool) {
					expect(live.get(jobId)).toEqual(jobs.get(jobId));
				}

				previousAt = at;
			}
		}), {numRuns: 500});
	});
});
