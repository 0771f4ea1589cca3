import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {detailWants, farWants, withNear} from '../../source/model/select/detail-wants.js';
import type {TrackedJob} from '../../source/model/jobs/types.js';
import {tracked} from './make.js';

/** The plain way: the rows on screen, then every other shown row, then the hidden jobs, each once. */
const plain = (shown: readonly TrackedJob[], jobs: readonly TrackedJob[], from: number, to: number) => {
	const near = shown.slice(from, to);
	const nearWants = detailWants(near);
	const seen = new Set(near.map(job => job.jobId));
	const rest: TrackedJob[] = [];
	for (const job of [...shown, ...jobs]) {
		if (!seen.has(job.jobId)) {
			seen.add(job.jobId);
			rest.push(job);
		}
	}

	return {wants: [...nearWants, ...detailWants(rest)], onScreen: nearWants.length};
};

const arbitraryJob = fc.record({
	id: fc.integer({min: 0, max: 40}),
	state: fc.constantFrom('Pending', 'Importing', 'Completed', 'Failed'),
	progress: fc.option(fc.integer({min: 0, max: 100}), {nil: undefined}),
	progressAt: fc.option(fc.integer({min: 0, max: 10}), {nil: undefined}),
	sinceExact: fc.boolean(),
	gone: fc.option(fc.constant('expired' as const), {nil: undefined}),
}).map(({id, ...fields}) => tracked(`j${id}`, fields));

const world = fc.record({
	jobs: fc.uniqueArray(arbitraryJob, {selector: job => job.jobId, maxLength: 40}),
	keep: fc.array(fc.boolean(), {minLength: 40, maxLength: 40}),
	from: fc.nat(45),
	length: fc.nat(20),
});

describe('detail work list built in two parts (far once per poll, near per key)', () => {
	test('equals the plain list when both see the same rows', () => {
		fc.assert(fc.property(world, ({jobs, keep, from, length}) => {
			const shown = jobs.filter((_, index) => keep[index]).toReversed();
			const near = shown.slice(from, from + length);
			expect(withNear(near, farWants(shown, jobs))).toEqual(plain(shown, jobs, from, from + length));
		}), {numRuns: 500});
	});

	test('with the far part from the last poll\'s filter: the same rows on screen, the same work in all', () => {
		fc.assert(fc.property(world, fc.array(fc.boolean(), {minLength: 40, maxLength: 40}), ({jobs, keep, from, length}, keepBefore) => {
			const shown = jobs.filter((_, index) => keep[index]);
			const shownBefore = jobs.filter((_, index) => keepBefore[index]);
			const near = shown.slice(from, from + length);
			const split = withNear(near, farWants(shownBefore, jobs));
			const expected = plain(shown, jobs, from, from + length);
			expect(split.onScreen).toBe(expected.onScreen);
			expect(split.wants.slice(0, split.onScreen)).toEqual(expected.wants.slice(0, expected.onScreen));
			const byId = (a: {jobId: string}, b: {jobId: string}) => a.jobId.localeCompare(b.jobId);
			expect(split.wants.toSorted(byId)).toEqual(expected.wants.toSorted(byId));
		}), {numRuns: 500});
	});

	test('a job on screen is not asked twice', () => {
		const jobs = [tracked('a', {progress: undefined}), tracked('b', {progress: undefined})];
		expect(withNear([jobs[1]!], farWants(jobs, jobs))).toEqual({
			wants: [{jobId: 'b', need: 'progress'}, {jobId: 'a', need: 'progress'}],
			onScreen: 1,
		});
	});
});
