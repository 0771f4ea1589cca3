import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import type {Job} from '../../source/model/jobs/job.js';
import {mergePoll, mergePollInPlace} from '../../source/model/jobs/history.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';
import {createJobObserver, type JournalIndex, type JournalScope} from '../../source/journal/observer.js';
import {tracked} from '../model/make.js';

/*
The journal's observer merges a poll in place when its ids are the tracked ones in the same order
(mergePollInPlace), and the plain way (mergePoll, a new map) otherwise. Whatever the polls, scope
switches and restarts, it must derive the same records as the plain way alone, and leave the same index.
*/

const states = ['Pending', 'Importing', 'Completed', 'Failed', 'Uncommitted'];
const reasons = ['', 'failed to read s3://bucket/imports/2026/part-00017.parquet: timeout', 'quota exceeded'];
const scopes: JournalScope[] = [
	{
		cluster: 'http://a:19530', db: '', context: '', collections: [],
	},
	{
		cluster: 'http://a:19530', db: '', context: '', collections: ['books'],
	},
	{
		cluster: 'http://a:19530', db: 'other', context: '', collections: [],
	},
];

const step = fc.oneof(
	{weight: 8, arbitrary: fc.record({kind: fc.constant('poll' as const), changes: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), {maxLength: 4}), wait: fc.integer({min: 1, max: 400_000})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('drop' as const), index: fc.nat()})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('add' as const), id: fc.integer({min: 0, max: 60})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat()})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('duplicate' as const), index: fc.nat()})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('scope' as const), index: fc.nat({max: scopes.length - 1})})},
	{weight: 1, arbitrary: fc.constant({kind: 'restart' as const})},
);

const initial = (count: number): Job[] => Array.from({length: count}, (_, index) => ({
	jobId: String(index * 3), collectionName: index % 3 === 0 ? 'movies' : 'books', state: states[index % states.length]!, progress: (index * 13) % 101, reason: '',
}));

const entries = (index: JournalIndex) => [...index.entries()];

describe('the journal observer merging in place', () => {
	test('derives the same records and index as the plain merge, over generated polls, scope switches and restarts', () => {
		fc.assert(fc.property(fc.integer({min: 0, max: 12}), fc.array(step, {maxLength: 30}), (count, steps) => {
			const plainIndex: JournalIndex = new Map();
			const fastIndex: JournalIndex = new Map();
			let plain = createJobObserver(plainIndex, 300_000, {inPlace: false});
			let fast = createJobObserver(fastIndex, 300_000);
			let records = initial(count);
			let scope = scopes[0]!;
			let at = 1000;
			const observe = () => {
				at += 2000;
				const expected = plain.observe(scope, records, at);
				const actual = fast.observe(scope, records, at);
				expect(actual).toEqual(expected);
				expect(entries(fastIndex)).toEqual(entries(plainIndex));
			};

			observe();
			for (const item of steps) {
				switch (item.kind) {
					case 'poll': {
						records = [...records];
						for (const [which, state, progress, reason] of item.changes) {
							if (records.length > 0) {
								const index = which % records.length;
								records[index] = {
									...records[index]!, state: states[state % states.length]!, progress: progress % 101, reason: reasons[reason % reasons.length]!,
								};
							}
						}

						at += item.wait;
						break;
					}

					case 'drop': {
						const dropped = item.index % Math.max(1, records.length);
						records = records.filter((_, index) => index !== dropped);
						break;
					}

					case 'add': {
						records = [...records, {
							jobId: `n${item.id}`, collectionName: 'books', state: 'Pending', progress: 0, reason: '',
						}];
						break;
					}

					case 'swap': {
						if (records.length > 1) {
							records = [...records];
							const a = item.a % records.length;
							const b = item.b % records.length;
							[records[a], records[b]] = [records[b]!, records[a]!];
						}

						break;
					}

					case 'duplicate': {
						if (records.length > 0) {
							records = [...records, {...records[item.index % records.length]!, progress: 77}];
						}

						break;
					}

					case 'scope': {
						scope = scopes[item.index]!;
						break;
					}

					case 'restart': {
						plain = createJobObserver(plainIndex, 300_000, {inPlace: false});
						fast = createJobObserver(fastIndex, 300_000);
						break;
					}
				}

				observe();
			}
		}), {numRuns: 400});
	});

	test('mergePollInPlace updates the map as mergePoll builds it, or leaves it untouched and says so', () => {
		const jobs = new Map<string, TrackedJob>([['1', tracked('1')], ['2', tracked('2', {state: 'Pending', progress: 0})], ['3', tracked('3')]]);
		const list: Job[] = [...jobs.values()].map(({jobId, collectionName, state, progress, reason}) => ({
			jobId, collectionName, state, progress, reason,
		}));
		list[1] = {...list[1]!, state: 'Importing', progress: 10};
		const options = {
			at: 5000, previousAt: 3000, stallAfterMs: 300_000, goneKeepMs: 0,
		};
		const plain = mergePoll(jobs, list, options);
		const copy = new Map(jobs);
		const events = mergePollInPlace(copy, list, options);
		expect(events).toEqual(plain.events);
		expect(events).toHaveLength(1);
		expect([...copy.entries()]).toEqual([...plain.jobs.entries()]);
		expect(copy.get('1')).toBe(jobs.get('1'));

		for (const other of [[list[1], list[0]!, list[2]!], list.slice(1), [...list, list[0]!]]) {
			const untouched = new Map(jobs);
			expect(mergePollInPlace(untouched, other, options)).toBeUndefined();
			expect([...untouched.entries()]).toEqual([...jobs.entries()]);
		}

		expect(mergePollInPlace(new Map(jobs), list, {...options, previousAt: undefined})).toBeUndefined();
	});
});
