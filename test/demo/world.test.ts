import {describe, expect, test} from 'vitest';
import {flavors, traitsOf, type Flavor} from '../../source/demo/flavor.js';
import {seededRandom} from '../../source/demo/rng.js';
import {makeDemoJob, seedWorld} from '../../source/demo/seed.js';
import {phaseAt} from '../../source/demo/sim.js';
import {viewJob} from '../../source/demo/view.js';
import {
	runningJobs, tick, type Rules, type World,
} from '../../source/demo/world.js';
import {start} from './helpers.js';

const rules = (flavor: Flavor, arrivalMs = 15_000): Rules => ({flavor, retentionMs: 180_000, arrivalMs});
const seeded = (flavor: Flavor, seed = 1): World => seedWorld(start, seededRandom(seed), rules(flavor));
const phases = (world: World, now: number): Set<string> => new Set([...world.jobs.values()].map(job => phaseAt(job, now).phase));

describe('seed (the demo data)', () => {
	test.each(flavors.map(flavor => [flavor]))('%s: a dozen or more jobs, every public state, three databases', flavor => {
		const world = seeded(flavor);
		expect(world.jobs.size).toBeGreaterThanOrEqual(12);
		const states = new Set([...world.jobs.values()].map(job => viewJob(job, start, traitsOf(flavor)).state));
		const expected = flavor.startsWith('3.0') ? ['Committing', 'Completed', 'Failed', 'Importing', 'Pending', 'Uncommitted'] : ['Completed', 'Failed', 'Importing', 'Pending'];
		expect([...states].toSorted()).toEqual(expected);
		expect(new Set([...world.jobs.values()].map(job => job.dbName))).toEqual(new Set(['default', 'analytics', 'staging']));
	});

	test('2.6: every internal phase is on screen at start', () => {
		expect([...phases(seeded('2.6'), start)].toSorted()).toEqual(['Completed', 'Failed', 'Importing', 'IndexBuilding', 'Pending', 'PreImporting', 'Sorting']);
	});

	test('ids are 18 digits and increase with creation time', () => {
		const jobs = [...seeded('2.6').jobs.values()];
		expect(jobs.every(job => /^\d{18}$/v.test(job.jobId))).toBe(true);
		const byTime = jobs.toSorted((a, b) => a.createdAt - b.createdAt).map(job => BigInt(job.jobId));
		expect(byTime).toEqual(byTime.toSorted((a, b) => (a < b ? -1 : 1)));
	});

	test('failures carry realistic reasons', () => {
		const world = seeded('2.6');
		const reasons = [...world.jobs.values()].map(job => job.failure?.reason).filter(reason => reason !== undefined);
		expect(reasons).toContain('import timeout');
		expect(reasons.some(reason => /^collection \d{18} dropped$/v.test(reason))).toBe(true);
		expect(reasons.some(reason => reason.includes('is not equal to schema dim'))).toBe(true);
	});

	test('within the first minute something expires, something fails and something completes', () => {
		const world = seeded('2.6');
		const random = seededRandom(3);
		let later = world;
		for (let at = start; at <= start + 60_000; at += 5000) {
			later = tick(later, at, {random, rules: rules('2.6', 0), make: makeDemoJob});
		}

		const after = new Map([...later.jobs.values()].map(job => [job.jobId, phaseAt(job, start + 60_000).phase]));
		const before = [...world.jobs.values()].map(job => [job.jobId, phaseAt(job, start).phase] as const);
		expect(before.some(([id]) => !after.has(id))).toBe(true);
		expect(before.some(([id, phase]) => phase !== 'Failed' && after.get(id) === 'Failed')).toBe(true);
		expect(before.some(([id, phase]) => phase !== 'Completed' && after.get(id) === 'Completed')).toBe(true);
	});
});

describe('tick: GC and arrivals', () => {
	test('new jobs keep arriving, so something is always moving', () => {
		const random = seededRandom(5);
		let world = seeded('2.6');
		const ids = new Set(world.jobs.keys());
		for (let minute = 1; minute <= 15; minute++) {
			world = tick(world, start + (minute * 60_000), {random, rules: rules('2.6'), make: makeDemoJob});
			expect(runningJobs(world, start + (minute * 60_000))).toBeGreaterThan(0);
		}

		expect([...world.jobs.keys()].filter(id => !ids.has(id)).length).toBeGreaterThan(10);
	});

	test.each([['3.0', true], ['2.6', false]] as const)('%s: some arrivals wait for a commit (%s), never more than three at once', (flavor, expected) => {
		const random = seededRandom(5);
		let world = seeded(flavor);
		const seededIds = new Set(world.jobs.keys());
		let most = 0;
		for (let minute = 1; minute <= 60; minute++) {
			const now = start + (minute * 60_000);
			world = tick(world, now, {random, rules: rules(flavor), make: makeDemoJob});
			const waiting = [...world.jobs.values()].filter(job => !seededIds.has(job.jobId) && phaseAt(job, now).phase === 'Uncommitted');
			most = Math.max(most, waiting.length);
		}

		expect(most > 0).toBe(expected);
		expect(most).toBeLessThanOrEqual(3);
	});

	test('no arrivals when arrivalMs is 0; finished jobs still expire', () => {
		const random = seededRandom(5);
		const world = tick(seeded('2.6'), start + 3_600_000, {random, rules: rules('2.6', 0), make: makeDemoJob});
		expect(world.jobs.size).toBe(0);
	});

	test('after a long idle spell, arrivals resume from now instead of replaying hours', () => {
		const random = seededRandom(5);
		const world = tick(seeded('2.6'), start + (24 * 3_600_000), {random, rules: rules('2.6'), make: makeDemoJob});
		expect(world.jobs.size).toBeLessThanOrEqual(20);
		expect(world.nextArrival).toBeGreaterThan(start + (24 * 3_600_000));
	});
});
