import {describe, expect, test} from 'vitest';
import {commitJob} from '../../source/demo/commit.js';
import {phasesOf, traitsOf, type Flavor} from '../../source/demo/flavor.js';
import {seededRandom} from '../../source/demo/rng.js';
import {
	commitWaitSeconds, completionTime, finishedAt, isExpired, phaseAt, planJob, shiftJob, type FailureSpec, type JobSpec, type SimJob,
} from '../../source/demo/sim.js';
import {fileName, viewJob, type JobView} from '../../source/demo/view.js';
import {spec, start} from './helpers.js';

const plan = (flavor: Flavor, failure?: FailureSpec, overrides: Partial<JobSpec> = {}): SimJob =>
	planJob({...spec, ...overrides}, phasesOf(flavor, overrides.autoCommit ?? true), seededRandom(7), failure);

type Sample = {readonly at: number; readonly phase: string; readonly view: JobView};

const walk = (job: SimJob, flavor: Flavor, until = completionTime(job) + 1000): Sample[] => {
	const samples: Sample[] = [];
	for (let at = job.createdAt; at <= until; at += 200) {
		samples.push({at, phase: phaseAt(job, at).phase, view: viewJob(job, at, traitsOf(flavor))});
	}

	return samples;
};

const ranges = (samples: readonly Sample[]): Record<string, [number, number]> => {
	const result: Record<string, [number, number]> = {};
	for (const {phase, view} of samples) {
		const [min, max] = result[phase] ?? [Infinity, -Infinity];
		result[phase] = [Math.min(min, view.progress), Math.max(max, view.progress)];
	}

	return result;
};

describe('phase machine, 2.6', () => {
	const job = plan('2.6');
	const samples = walk(job, '2.6');

	test('walks Pending → PreImporting → Importing → Sorting → IndexBuilding → Completed in order', () => {
		const phases = samples.map(sample => sample.phase).filter((phase, i, all) => phase !== all[i - 1]);
		expect(phases).toEqual(['Pending', 'PreImporting', 'Importing', 'Sorting', 'IndexBuilding', 'Completed']);
	});

	test('the public state is Pending, then Importing for every in-flight phase, then Completed', () => {
		const states = samples.map(sample => sample.view.state).filter((state, i, all) => state !== all[i - 1]);
		expect(states).toEqual(['Pending', 'Importing', 'Completed']);
	});

	test('progress stays inside each phase\'s band and never goes down', () => {
		const bands = ranges(samples);
		expect(bands['Pending']![0]).toBeGreaterThanOrEqual(0);
		expect(bands['Pending']![1]).toBeLessThan(10);
		expect(bands['PreImporting']![0]).toBeGreaterThanOrEqual(10);
		expect(bands['PreImporting']![1]).toBeLessThan(40);
		expect(bands['Importing']![0]).toBeGreaterThanOrEqual(40);
		expect(bands['Importing']![1]).toBeLessThanOrEqual(70);
		expect(bands['Sorting']).toEqual([70, expect.any(Number)]);
		expect(bands['Sorting']![1]).toBeLessThan(80);
		expect(bands['IndexBuilding']![0]).toBe(80);
		expect(bands['IndexBuilding']![1]).toBeLessThan(90);
		expect(bands['Completed']).toEqual([100, 100]);
		const progress = samples.map(sample => sample.view.progress);
		expect(progress).toEqual(progress.toSorted((a, b) => a - b));
	});

	test('importedRows grow during the rows stage and equal totalRows afterwards', () => {
		const importing = samples.filter(sample => sample.phase === 'Importing').map(sample => sample.view.importedRows);
		expect(new Set(importing).size).toBeGreaterThan(10);
		expect(importing).toEqual(importing.toSorted((a, b) => a - b));
		const total = 210_000;
		for (const sample of samples) {
			if (sample.phase === 'Pending' || sample.phase === 'PreImporting') {
				expect(sample.view).toMatchObject({importedRows: 0, totalRows: 0, tasks: []});
			} else {
				expect(sample.view.totalRows).toBe(total);
			}

			if (sample.phase === 'Sorting' || sample.phase === 'IndexBuilding' || sample.phase === 'Completed') {
				expect(sample.view.importedRows).toBe(total);
			}
		}
	});

	test('per-file tasks: InProgress while rows are written, each Completed with its own completeTime', () => {
		const middle = samples.find(sample => sample.phase === 'Importing' && sample.view.progress > 50)!;
		expect(middle.view.tasks.map(task => task.fileName)).toEqual(['[books/a/1.parquet]', '[books/a/2.parquet]', '[books/a/3.parquet]']);
		expect(middle.view.tasks.some(task => task.state === 'InProgress')).toBe(true);
		for (const task of middle.view.tasks) {
			expect(task.importedRows).toBe(Math.floor((task.progress * task.totalRows) / 100));
		}

		const done = samples.at(-1)!.view;
		expect(done.tasks.every(task => task.state === 'Completed' && task.progress === 100 && task.completeTime !== undefined)).toBe(true);
	});

	test('completeTime is set only once the job is Completed, at the plan\'s end', () => {
		for (const sample of samples) {
			expect(sample.view.completeTime).toBe(sample.phase === 'Completed' ? completionTime(job) : undefined);
		}

		expect(finishedAt(job, completionTime(job) - 1)).toBeUndefined();
		expect(finishedAt(job, completionTime(job))).toBe(completionTime(job));
	});

	test('a plan is a pure function of the clock: asking twice, or out of order, gives the same view', () => {
		const at = job.createdAt + 30_000;
		const later = viewJob(job, at + 5000, traitsOf('2.6'));
		expect(viewJob(job, at, traitsOf('2.6'))).toEqual(viewJob(job, at, traitsOf('2.6')));
		expect(viewJob(job, at + 5000, traitsOf('2.6'))).toEqual(later);
	});
});

describe('progress formulas per version (§4.1)', () => {
	test('2.4.0: rows stage runs 40–100, no index phase', () => {
		const bands = ranges(walk(plan('2.4.0'), '2.4.0'));
		expect(Object.keys(bands)).toEqual(['Pending', 'PreImporting', 'Importing', 'Completed']);
		expect(bands['Importing']![0]).toBeGreaterThanOrEqual(40);
		expect(bands['Importing']![1]).toBeGreaterThan(70);
	});

	test('2.4.13+: rows 40–70, index building 70–90', () => {
		const bands = ranges(walk(plan('2.4'), '2.4'));
		expect(bands['Importing']![1]).toBeLessThanOrEqual(70);
		expect(bands['IndexBuilding']![0]).toBe(70);
		expect(bands['IndexBuilding']![1]).toBeGreaterThan(80);
		expect(bands['IndexBuilding']![1]).toBeLessThan(90);
	});

	test('3.0 with auto_commit=false shows Uncommitted and Committing at 99 (committed 5 s into the wait)', () => {
		const planned = plan('3.0', undefined, {autoCommit: false});
		const waiting = planned.steps.find(step => step.phase === 'Uncommitted')!;
		expect(waiting.end - waiting.start).toBe(commitWaitSeconds * 1000); // Left alone, it waits a day.
		const verdict = commitJob(planned, waiting.start + 5000);
		const job = verdict.kind === 'changed' ? verdict.job : planned;
		expect(verdict.kind).toBe('changed');
		const samples = walk(job, '3.0');
		const states = samples.map(sample => `${sample.view.state}:${sample.view.state.endsWith('mitted') || sample.view.state === 'Committing' ? sample.view.progress : ''}`)
			.filter((state, i, all) => state !== all[i - 1]);
		expect(states).toEqual(['Pending:', 'Importing:', 'Uncommitted:99', 'Committing:99', 'Completed:']);
	});

	test('3.0 with auto-commit never shows Uncommitted', () => {
		const states = new Set(walk(plan('3.0'), '3.0').map(sample => sample.view.state));
		expect([...states]).toEqual(['Pending', 'Importing', 'Completed']);
	});
});

describe('Import V3 (3.0-v3): Milvus master\'s getV3JobProgress weights', () => {
	const job = plan('3.0-v3');
	const samples = walk(job, '3.0-v3');

	test('pre-import 10–15, resharding 15–45 (the rows), planning 45, importing 50–60, index 60–90; never down', () => {
		const bands = ranges(samples);
		expect(bands['PreImporting']![0]).toBeGreaterThanOrEqual(10);
		expect(bands['PreImporting']![1]).toBeLessThan(15);
		expect(bands['Resharding']![0]).toBeGreaterThanOrEqual(15);
		expect(bands['Resharding']![1]).toBeLessThanOrEqual(45);
		expect(bands['Planning']).toEqual([45, 45]);
		expect(bands['Importing']![0]).toBe(50);
		expect(bands['Importing']![1]).toBeLessThan(60);
		expect(bands['IndexBuilding']![0]).toBe(60);
		expect(bands['IndexBuilding']![1]).toBeLessThan(90);
		expect(bands['Sorting']).toBeUndefined();
		const progress = samples.map(sample => sample.view.progress);
		expect(progress).toEqual(progress.toSorted((a, b) => a - b));
	});

	test('describe lists the reshard tasks from resharding on, each without a completeTime, even when completed', () => {
		const resharding = samples.find(sample => sample.phase === 'Resharding' && sample.view.tasks.length > 0);
		expect(resharding).toBeDefined();
		const last = samples.at(-1)!;
		expect(last.view.state).toBe('Completed');
		expect(last.view.tasks.every(task => task.state === 'Completed' && task.completeTime === undefined)).toBe(true);
	});
});

describe('failures', () => {
	const reason = 'collection 454891732190001101 dropped';
	const job = plan('2.6', {
		phase: 'Importing', fraction: 0.5, reason, file: 1,
	});
	const failAt = job.failure!.at;

	test('progress and rows drop to 0, the reason appears, tasks turn Failed', () => {
		const before = viewJob(job, failAt - 1, traitsOf('2.6'));
		expect(before.state).toBe('Importing');
		expect(before.progress).toBeGreaterThan(40);
		expect(before.importedRows).toBeGreaterThan(0);
		const after = viewJob(job, failAt, traitsOf('2.6'));
		expect(after).toMatchObject({
			state: 'Failed', progress: 0, importedRows: 0, totalRows: 0, reason, completeTime: undefined,
		});
		expect(after.tasks.map(task => task.state)).toContain('Failed');
		expect(after.tasks[1]).toMatchObject({state: 'Failed', reason});
		expect(viewJob(job, completionTime(job) + 10_000, traitsOf('2.6')).state).toBe('Failed');
	});

	test('a failure before the rows stage lists no files', () => {
		const early = plan('2.6', {phase: 'PreImporting', fraction: 0.3, reason: 'value of field \'id\' is missed'});
		expect(viewJob(early, early.failure!.at + 1, traitsOf('2.6')).tasks).toEqual([]);
	});

	test('options.timeout: the job fails with "import timeout" when its plan runs longer', () => {
		const timed = plan('2.6', undefined, {timeoutMs: 20_000});
		expect(phaseAt(timed, start + 19_999).phase).not.toBe('Failed');
		expect(viewJob(timed, start + 20_000, traitsOf('2.6'))).toMatchObject({state: 'Failed', reason: 'import timeout'});
		expect(plan('2.6', undefined, {timeoutMs: 3_600_000}).failure).toBeUndefined();
	});

	test('a failure phase the version lacks strikes while rows are written', () => {
		const job24 = plan('2.4.0', {phase: 'Sorting', fraction: 0.5, reason: 'x'});
		const step = job24.steps.find(candidate => candidate.phase === 'Importing')!;
		expect(job24.failure!.at).toBeGreaterThan(step.start);
		expect(job24.failure!.at).toBeLessThan(step.end);
	});
});

describe('retention and shifting', () => {
	test('a finished job expires exactly retention after it finished; a running one never does', () => {
		const job = plan('2.6');
		const done = completionTime(job);
		expect(isExpired(job, done + 59_999, 60_000)).toBe(false);
		expect(isExpired(job, done + 60_000, 60_000)).toBe(true);
		expect(isExpired(job, done - 1, 0)).toBe(false);
	});

	test('shiftJob moves the whole plan, failure included', () => {
		const job = plan('2.6', {phase: 'Sorting', fraction: 0.5, reason: 'x'});
		const shifted = shiftJob(job, 5000);
		expect(completionTime(shifted)).toBe(completionTime(job) + 5000);
		expect(shifted.failure!.at).toBe(job.failure!.at + 5000);
		expect(viewJob(shifted, start + 12_345, traitsOf('2.6'))).toEqual(viewJob(job, start + 7345, traitsOf('2.6')));
	});

	test('fileName is Go\'s %v of the path list', () => {
		expect(fileName(['a.npy', 'b.npy'])).toBe('[a.npy b.npy]');
		expect(fileName(['dir/1.parquet'])).toBe('[dir/1.parquet]');
	});
});
