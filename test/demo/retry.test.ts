import {describe, expect, test} from 'vitest';
import {phasesOf, traitsOf, type Flavor} from '../../source/demo/flavor.js';
import {planRetry} from '../../source/demo/retry.js';
import {seededRandom} from '../../source/demo/rng.js';
import {seedWorld, makeDemoJob} from '../../source/demo/seed.js';
import {
	completionTime, planJob, type SimJob,
} from '../../source/demo/sim.js';
import {viewJob} from '../../source/demo/view.js';
import {retryChance, tick, type World} from '../../source/demo/world.js';
import {spec, start} from './helpers.js';

const retried = (seed: number, flavor: Flavor = '2.6'): SimJob => {
	const random = seededRandom(seed);
	return planRetry(planJob(spec, phasesOf(flavor, true), random), random, 1);
};

const retriedFile = (job: SimJob): number => job.files.findIndex(file => file.retry !== undefined);

/** The distinct values of `pick` over the job's life, in order, sampled every 100 ms. */
const sequence = (job: SimJob, pick: (at: number) => string): string[] => {
	const seen: string[] = [];
	for (let at = job.createdAt; at <= completionTime(job) + 1000; at += 100) {
		const value = pick(at);
		if (seen.at(-1) !== value) {
			seen.push(value);
		}
	}

	return seen;
};

describe('a file task that is retried (2.5+)', () => {
	const job = retried(7);
	const index = retriedFile(job);
	const traits = traitsOf('2.6');
	const task = (at: number) => viewJob(job, at, traits).tasks[index];

	test('one file, never the first (the slowest, which ends the rows stage)', () => {
		expect(job.files.filter(file => file.retry !== undefined)).toHaveLength(1);
		expect(index).toBeGreaterThan(0);
	});

	test('its task goes InProgress → Retry → (Pending →) InProgress → Completed; the job stays Importing throughout', () => {
		const states = sequence(job, at => task(at)?.state ?? '-');
		expect(states.filter(state => state !== 'Pending')).toEqual(['-', 'InProgress', 'Retry', 'InProgress', 'Completed']);
		const duringRetry = sequence(job, at => (task(at)?.state === 'Retry' ? viewJob(job, at, traits).state : ''));
		expect(duringRetry).toContain('Importing');
		expect(duringRetry.filter(state => state !== '')).toEqual(['Importing']);
	});

	test('in Retry: no rows (the failed attempt\'s rows are cleared), a reason, no complete time; the job\'s rows dip too', () => {
		const importing = job.steps.find(step => step.phase === 'Importing')!;
		const {at, resumeAt} = job.files[index]!.retry!;
		const length = importing.end - importing.start;
		const failsAt = importing.start + Math.ceil(length * at);
		const before = failsAt - 100;
		const during = importing.start + Math.round(length * ((at + resumeAt) / 2));
		expect(task(before)).toMatchObject({state: 'InProgress'});
		expect(task(before)!.importedRows).toBeGreaterThan(0);
		expect(task(failsAt)).toMatchObject({state: 'Retry'});
		expect(task(during)).toMatchObject({
			state: 'Retry', progress: 0, importedRows: 0, completeTime: undefined, reason: expect.stringMatching(/node/v) as unknown,
		});
		expect(viewJob(job, failsAt, traits).importedRows).toBeLessThan(viewJob(job, before, traits).importedRows);
	});

	test('the retried attempt still ends within the rows stage: every task is Completed once Sorting starts', () => {
		const sorting = job.steps.find(step => step.phase === 'Sorting')!;
		const view = viewJob(job, sorting.start, traits);
		expect(view.tasks.map(each => each.state)).toEqual(['Completed', 'Completed', 'Completed']);
		expect(view.importedRows).toBe(view.totalRows);
		const done = viewJob(job, completionTime(job), traits);
		expect(done.state).toBe('Completed');
		const importing = job.steps.find(step => step.phase === 'Importing')!;
		const resumed = importing.start + ((importing.end - importing.start) * job.files[index]!.retry!.resumeAt);
		expect(done.tasks[index]!.completeTime).toBeGreaterThan(resumed);
		expect(done.tasks[index]!.completeTime).toBeLessThanOrEqual(sorting.start);
	});

	test('a pure function of (plan, clock): the same seed plans the same retry, and a view never changes once computed', () => {
		expect(retried(7)).toEqual(job);
		const at = job.steps[2]!.start + 5000;
		expect(viewJob(job, at, traits)).toEqual(viewJob(job, at, traits));
	});

	test.each(Array.from({length: 200}, (_, seed) => seed + 1))('seed %i: the window fits and the file finishes', seed => {
		const plan = retried(seed);
		const file = plan.files[retriedFile(plan)]!;
		const retry = file.retry!;
		expect(retry.at * file.speed).toBeGreaterThan(0.25); // Mid-way through its rows when it fails...
		expect(retry.at * file.speed).toBeLessThan(1);
		expect(retry.resumeAt).toBeGreaterThan(retry.at);
		expect(retry.resumeAt + (1 / file.speed)).toBeLessThan(1); // ...and done before the stage ends.
	});

	test('not planned on a job that will fail, on a one-file job, or when the dice say no', () => {
		const random = seededRandom(3);
		const failing = planJob(spec, phasesOf('2.6', true), random, {phase: 'Importing', fraction: 0.5, reason: 'import timeout'});
		expect(planRetry(failing, random, 1)).toBe(failing);
		const single = planJob({...spec, files: spec.files.slice(0, 1)}, phasesOf('2.6', true), random);
		expect(planRetry(single, random, 1)).toBe(single);
		const plain = planJob(spec, phasesOf('2.6', true), random);
		expect(planRetry(plain, random, 0)).toBe(plain);
	});
});

const retryingFiles = (world: World, flavor: Flavor, at: number): string[] =>
	[...world.jobs.values()].flatMap(job => viewJob(job, at, traitsOf(flavor)).tasks.filter(task => task.state === 'Retry').map(task => `${job.jobId} ${task.fileName}`));

describe('demo world', () => {
	const rules = (flavor: Flavor) => ({flavor, retentionMs: 180_000, arrivalMs: 4000});

	test.each(['2.5', '2.6', '3.0'] as const)('%s: the seed shows one file task in Retry at once, in an Importing job', flavor => {
		const world = seedWorld(start, seededRandom(1), rules(flavor));
		const retrying = retryingFiles(world, flavor, start);
		expect(retrying).toHaveLength(1);
		const job = world.jobs.get(retrying[0]!.split(' ')[0]!)!;
		expect(viewJob(job, start, traitsOf(flavor))).toMatchObject({state: 'Importing', reason: ''});
	});

	test.each(['2.4.0', '2.4'] as const)('%s has no Retry task state: nothing is ever planned to retry', flavor => {
		let world = seedWorld(start, seededRandom(1), rules(flavor));
		const random = seededRandom(9);
		for (let at = start; at < start + 600_000; at += 4000) {
			world = tick(world, at, {random, rules: rules(flavor), make: makeDemoJob});
		}

		expect([...world.jobs.values()].some(job => job.files.some(file => file.retry !== undefined))).toBe(false);
	});

	test('arriving jobs: some retry a file, about the planned share of those that can', () => {
		let world = seedWorld(start, seededRandom(1), rules('2.6'));
		const seeded = new Set(world.jobs.keys());
		const random = seededRandom(9);
		for (let at = start; at < start + 1_800_000; at += 4000) {
			world = tick(world, at, {random, rules: {...rules('2.6'), retentionMs: 3_600_000}, make: makeDemoJob});
		}

		const arrived = [...world.jobs.values()].filter(job => !seeded.has(job.jobId) && job.failure === undefined && job.files.length > 1);
		const withRetry = arrived.filter(job => job.files.some(file => file.retry !== undefined));
		expect(arrived.length).toBeGreaterThan(50);
		expect(withRetry.length / arrived.length).toBeGreaterThan(retryChance / 2);
		expect(withRetry.length / arrived.length).toBeLessThan(retryChance * 2);
	});
});
