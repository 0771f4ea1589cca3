import {describe, expect, test} from 'vitest';
import {
	eta, phaseHint, rate, stageOf, type WeightProfile,
} from '../../source/model/jobs/rates.js';
import {tracked} from './make.js';

const minute = 60_000;
const samples = (...points: Array<[number, number]>) => points.map(([at, progress]) => ({at, progress}));

describe('phaseHint', () => {
	test.each<[string, number | undefined, WeightProfile, string | undefined]>([
		['Importing', 10, 'v2.5', 'pre-import'],
		['Importing', 39, 'v2.5', 'pre-import'],
		['Importing', 40, 'v2.5', 'importing rows'],
		['Importing', 69, 'v2.5', 'importing rows'],
		['Importing', 70, 'v2.5', 'sorting'],
		['Importing', 80, 'v2.5', 'building index'],
		['Importing', 89, 'v2.5', 'building index'],
		['Importing', 90, 'v2.5', 'committing'],
		['Importing', 99, 'v2.5', 'committing'],
		['Importing', 5, 'v2.5', 'queued'],
		// 2.4.13+: no sorting stage, index building is 70–90.
		['Importing', 75, 'v2.4.13', 'building index'],
		// 2.4.0–2.4.12: rows run all the way from 40 to 100.
		['Importing', 85, 'v2.4.0', 'importing rows'],
		['Importing', undefined, 'v2.5', undefined],
		// Failed drops to 0: no phase to hint at.
		['Failed', 0, 'v2.5', undefined],
		['Pending', 5, 'v2.5', undefined],
		['Completed', 100, 'v2.5', undefined],
	])('%s at %s (%s) → %s', (state, progress, profile, expected) => {
		expect(phaseHint({state, progress}, profile)).toBe(expected);
	});

	test('100 is in the last stage', () => {
		expect(stageOf(100, 'v2.5').hint).toBe('committing');
	});
});

describe('rate and eta', () => {
	test('percent per minute over the rows stage, to now', () => {
		const job = tracked('1', {progress: 50, samples: samples([0, 40], [minute, 45], [2 * minute, 50])});
		expect(rate(job, 2 * minute, 'v2.5')).toBe(5);
		// Nothing moved for two more minutes: the rate falls instead of keeping the old speed.
		expect(rate(job, 4 * minute, 'v2.5')).toBe(2.5);
		// 20 points to go to the end of the rows stage at 5 %/min.
		expect(eta(job, 2 * minute, 'v2.5')).toBe(4 * minute);
	});

	test('only samples from the current stage count', () => {
		// Pre-import went 10 → 40 in 10 s (a step, not rows); the rows stage then moved 2 points in 2 minutes.
		const job = tracked('1', {progress: 42, samples: samples([0, 10], [10_000, 40], [(2 * minute) + 10_000, 42])});
		expect(rate(job, (2 * minute) + 10_000, 'v2.5')).toBe(1);
	});

	test('no rate from a single sample in the stage', () => {
		const job = tracked('1', {progress: 41, samples: samples([0, 20], [minute, 41])});
		expect(rate(job, 2 * minute, 'v2.5')).toBeUndefined();
		expect(eta(job, 2 * minute, 'v2.5')).toBeUndefined();
	});

	test.each([
		['sorting', 72],
		['building index', 85],
		['pre-import', 30],
	])('no rate or ETA while %s (not row-linear)', (_name, progress) => {
		const job = tracked('1', {progress, samples: samples([0, progress - 2], [minute, progress - 1], [2 * minute, progress])});
		expect(rate(job, 2 * minute, 'v2.5')).toBeUndefined();
		expect(eta(job, 2 * minute, 'v2.5')).toBeUndefined();
	});

	test('no ETA across stages: it ends where the rows stage ends', () => {
		const job = tracked('1', {progress: 60, samples: samples([0, 40], [minute, 60])});
		// 20 %/min, 10 points left in the rows stage: 30 s, not the 2 min a line to 100 would say.
		expect(eta(job, minute, 'v2.5')).toBe(30_000);
	});

	test('Failed drops to 0: no rate, no ETA', () => {
		const job = tracked('1', {state: 'Failed', progress: 0, samples: samples([0, 40], [minute, 50], [2 * minute, 0])});
		expect(rate(job, 2 * minute, 'v2.5')).toBeUndefined();
		expect(eta(job, 2 * minute, 'v2.5')).toBeUndefined();
		expect(phaseHint(job, 'v2.5')).toBeUndefined();
	});

	test('gone jobs and non-importing jobs have no rate', () => {
		const moving = samples([0, 40], [minute, 50]);
		expect(rate(tracked('1', {samples: moving, gone: 'lost'}), minute, 'v2.5')).toBeUndefined();
		expect(rate(tracked('1', {samples: moving, state: 'Pending'}), minute, 'v2.5')).toBeUndefined();
	});

	test('no rate when time did not advance, no ETA when nothing moved', () => {
		const flat = tracked('1', {progress: 50, samples: samples([0, 50], [minute, 50])});
		expect(rate(flat, 0, 'v2.5')).toBeUndefined();
		expect(rate(flat, minute, 'v2.5')).toBe(0);
		expect(eta(flat, minute, 'v2.5')).toBeUndefined();
	});

	test('Import V3: two row-linear stages (resharding 15–45, the merge 50–60); the ETA ends with the current one', () => {
		const resharding = tracked('1', {progress: 35, samples: samples([0, 25], [minute, 35])});
		expect(phaseHint(resharding, 'v3')).toBe('resharding');
		expect(eta(resharding, minute, 'v3')).toBe(minute);
		expect(phaseHint({state: 'Importing', progress: 45}, 'v3')).toBe('planning');
		expect(phaseHint({state: 'Importing', progress: 75}, 'v3')).toBe('building index');
		expect(phaseHint({state: 'Importing', progress: 75}, 'v2.5')).toBe('sorting');
	});

	test('an unknown band: no phase word, no rate, no ETA (a wrong one is worse than none)', () => {
		const job = tracked('1', {progress: 94, samples: samples([0, 84], [minute, 94])});
		expect(phaseHint(job, undefined)).toBeUndefined();
		expect(rate(job, minute, undefined)).toBeUndefined();
		expect(eta(job, minute, undefined)).toBeUndefined();
		// The same job on 2.4.0 is writing rows (94 % is not "committing"), with an ETA to completion.
		expect(phaseHint(job, 'v2.4.0')).toBe('importing rows');
		expect(eta(job, minute, 'v2.4.0')).toBe(36_000);
	});

	test('2.4.0 weights: rows run to 100, so the ETA is to completion', () => {
		const job = tracked('1', {progress: 80, samples: samples([0, 60], [minute, 80])});
		expect(eta(job, minute, 'v2.4.0')).toBe(minute);
		expect(eta(job, minute, 'v2.5')).toBeUndefined();
	});
});
