import {commitJob} from './commit.js';
import {phasesOf, traitsOf, type RunPhase} from './flavor.js';
import {planRetry} from './retry.js';
import {between, pick} from './rng.js';
import {
	completionTime, planJob, shiftJob, type FailureSpec, type FileSpec, type SimJob,
} from './sim.js';
import {
	addJob, allocateJobId, type Collection, type JobMaker, type Rules, type World,
} from './world.js';

/** The demo data: three databases, a few collections, and jobs caught in every state. */

const collection = (name: string, id: bigint, dim: number): Collection => ({name, id, dim});

// Collection ids are int64 > 2^53, like real ones, so clients meet the precision trap (docs/milvus-rest.md#collections-and-databases).
export const catalog = [
	{name: 'default', collections: [collection('books', 454_891_732_190_001_101n, 768), collection('movies', 454_891_732_190_001_187n, 512), collection('quick_setup', 454_891_732_190_001_305n, 5)]},
	{name: 'analytics', collections: [collection('events', 454_891_732_190_002_011n, 128), collection('clicks', 454_891_732_190_002_093n, 256)]},
	{name: 'staging', collections: [collection('products_v2', 454_891_732_190_003_417n, 1024)]},
] as const;

const byName = (name: string): Collection => catalog.flatMap(database => database.collections).find(item => item.name === name)!;

/** Bytes per row grow with the vector dimension (float32), plus some scalar payload. */
export const fileSpec = (random: () => number, paths: readonly string[], dim: number): FileSpec => {
	const size = Math.round(between(random, 8, 512) * 1024 * 1024);
	return {paths, size, rows: Math.max(1, Math.floor(size / ((dim * 4) + 200)))};
};

export const randomFiles = (random: () => number, target: Collection, fewest = 1): FileSpec[] => {
	const count = fewest + Math.floor(random() * (6 - fewest));
	const folder = Math.floor(random() * 0xFF_FF_FF).toString(16).padStart(6, '0');
	const extension = pick(random, ['parquet', 'parquet', 'json', 'csv']);
	return Array.from({length: count}, (_, i) => fileSpec(random, [`${target.name}/${folder}/part-${i}.${extension}`], target.dim));
};

/** Reasons real servers give (docs/milvus-rest.md#progress): timeouts, a dropped collection, parser errors, a missing object. */
export const failureFor = (random: () => number, target: Collection, files: readonly FileSpec[], kind?: number): FailureSpec => {
	const file = Math.floor(random() * files.length);
	const path = files[file]?.paths[0] ?? '';
	const reasons: readonly FailureSpec[] = [
		{phase: 'IndexBuilding', fraction: 0.6, reason: 'import timeout'},
		{phase: 'Importing', fraction: 0.5, reason: `collection ${target.id} dropped`},
		{
			phase: 'PreImporting', fraction: 0.7, file, reason: `the dim (${target.dim * 2}) of field 'embedding' is not equal to schema dim (${target.dim}), file: ${path}`,
		},
		{
			phase: 'PreImporting', fraction: 0.4, file, reason: `value of field 'id' is missed, file: ${path}`,
		},
		{
			phase: 'Pending', fraction: 0.8, file, reason: `failed to get file size of '${path}': The specified key does not exist.`,
		},
	];
	return kind === undefined ? pick(random, reasons) : reasons[kind % reasons.length]!;
};

/** What a newly arriving demo job looks like; about one in five fails. */
export const makeDemoJob: JobMaker = (random, target) => {
	const files = randomFiles(random, target);
	return {files, failure: random() < 0.2 ? failureFor(random, target, files) : undefined};
};

type Target
	= | {readonly phase: RunPhase; readonly fraction: number}
		| {readonly phase: 'Completed' | 'Failed'; readonly ago: number} // Fraction of the retention
		| {readonly phase: 'Retry'}; // Importing, one file's task half-way through its Retry (2.5+)

type SeedJob = {readonly db: string; readonly collection: string; readonly target: Target; readonly failure?: number; readonly autoCommit?: false};

/** `failure` indexes the reasons of `failureFor` so every kind of reason is on screen at once. */
const seedJobs: readonly SeedJob[] = [
	{db: 'default', collection: 'books', target: {phase: 'Completed', ago: 0.85}},
	{db: 'default', collection: 'movies', target: {phase: 'Completed', ago: 0.4}},
	{db: 'analytics', collection: 'events', target: {phase: 'Completed', ago: 0.02}},
	{
		db: 'default', collection: 'books', target: {phase: 'Failed', ago: 0.7}, failure: 0,
	},
	{
		db: 'analytics', collection: 'clicks', target: {phase: 'Failed', ago: 0.1}, failure: 2,
	},
	{db: 'default', collection: 'quick_setup', target: {phase: 'Pending', fraction: 0.3}},
	{
		db: 'staging', collection: 'products_v2', target: {phase: 'Pending', fraction: 0.2}, failure: 4,
	},
	{db: 'default', collection: 'movies', target: {phase: 'PreImporting', fraction: 0.5}},
	{
		db: 'analytics', collection: 'events', target: {phase: 'PreImporting', fraction: 0.2}, failure: 3,
	},
	{db: 'default', collection: 'books', target: {phase: 'Importing', fraction: 0.15}},
	{db: 'analytics', collection: 'clicks', target: {phase: 'Importing', fraction: 0.6}},
	{
		db: 'default', collection: 'quick_setup', target: {phase: 'Importing', fraction: 0.35}, failure: 1,
	},
	{db: 'staging', collection: 'products_v2', target: {phase: 'Sorting', fraction: 0.4}},
	{db: 'default', collection: 'movies', target: {phase: 'IndexBuilding', fraction: 0.7}},
	{db: 'analytics', collection: 'events', target: {phase: 'IndexBuilding', fraction: 0.1}},
	// Two jobs wait for a person (3.0): one to commit, one to abort. Fractions of the day-long wait (sim.ts): 40 s and 3 min in.
	{
		db: 'default', collection: 'books', target: {phase: 'Uncommitted', fraction: 0.0005}, autoCommit: false,
	},
	{
		db: 'analytics', collection: 'events', target: {phase: 'Uncommitted', fraction: 0.002}, autoCommit: false,
	},
	{
		db: 'staging', collection: 'products_v2', target: {phase: 'Committing', fraction: 0.2}, autoCommit: false,
	},
	// Last, so the jobs above are the same on every flavour.
	{db: 'analytics', collection: 'clicks', target: {phase: 'Retry'}},
];

/** The moment at which the plan is where the seed wants it; the job is then shifted so that moment is now. */
const momentOf = (job: SimJob, target: Target, retentionMs: number): number => {
	if ('ago' in target) {
		const end = target.phase === 'Failed' ? job.failure?.at ?? completionTime(job) : completionTime(job);
		return end + (target.ago * retentionMs);
	}

	const importing = job.steps.find(candidate => candidate.phase === 'Importing')!;
	if (target.phase === 'Retry') {
		const retry = job.files.find(file => file.retry !== undefined)?.retry;
		return importing.start + ((importing.end - importing.start) * (retry ? (retry.at + retry.resumeAt) / 2 : 0.5));
	}

	const step = job.steps.find(candidate => candidate.phase === target.phase) ?? importing;
	return step.start + ((step.end - step.start) * target.fraction);
};

/** A Committing seed was committed by someone 20 s into its wait (left alone it would wait a day: sim.ts). */
const committedEarly = (job: SimJob): SimJob => {
	const waiting = job.steps.find(step => step.phase === 'Uncommitted');
	const verdict = waiting === undefined ? undefined : commitJob(job, waiting.start + 20_000);
	return verdict?.kind === 'changed' ? verdict.job : job;
};

export const emptyWorld = (): World => ({
	databases: catalog, jobs: new Map(), lastJobId: 454_891_732_197_474_000n, nextArrival: undefined,
});

export const seedWorld = (now: number, random: () => number, rules: Rules): World => {
	const hasCommit = phasesOf(rules.flavor, false).includes('Uncommitted');
	const {hasTaskRetry} = traitsOf(rules.flavor);
	const jobs = seedJobs.filter(seed => (seed.autoCommit === undefined || hasCommit) && (seed.target.phase !== 'Retry' || hasTaskRetry)).map(seed => {
		const target = byName(seed.collection);
		const retrying = seed.target.phase === 'Retry';
		const files = randomFiles(random, target, retrying ? 2 : 1);
		const failure = seed.failure === undefined ? undefined : failureFor(random, target, files, seed.failure);
		const spec = {
			jobId: '', dbName: seed.db, collectionName: target.name, collectionId: target.id, files, autoCommit: seed.autoCommit ?? true, createdAt: 0,
		};
		const planned = planJob(spec, phasesOf(rules.flavor, spec.autoCommit), random, failure);
		const job = retrying ? planRetry(planned, random, 1) : (seed.target.phase === 'Committing' ? committedEarly(planned) : planned);
		return shiftJob(job, Math.round(now - momentOf(job, seed.target, rules.retentionMs)));
	}).toSorted((a, b) => a.createdAt - b.createdAt);
	let world = emptyWorld();
	for (const job of jobs) {
		const allocated = allocateJobId(world, random);
		world = addJob(allocated.world, {...job, jobId: allocated.jobId});
	}

	const nextArrival = rules.arrivalMs > 0 ? now + Math.round(rules.arrivalMs * between(random, 0.3, 0.8)) : undefined;
	return {...world, nextArrival};
};
