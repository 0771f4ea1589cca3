import {phasesOf, traitsOf, type Flavor} from './flavor.js';
import {planRetry} from './retry.js';
import {between} from './rng.js';
import {
	isExpired, phaseAt, planJob, type FailureSpec, type FileSpec, type SimJob,
} from './sim.js';

/** Everything the demo server knows: databases, collections, jobs. Changed only by returning a new World. */

export type Collection = {readonly name: string; readonly id: bigint; readonly dim: number};
export type Database = {readonly name: string; readonly collections: readonly Collection[]};

export type World = {
	readonly databases: readonly Database[];
	/** In creation order; the list handler shuffles. */
	readonly jobs: ReadonlyMap<string, SimJob>;
	readonly lastJobId: bigint;
	/** When the next demo job arrives; undefined: none will. */
	readonly nextArrival: number | undefined;
};

export type Rules = {
	readonly flavor: Flavor;
	/** `dataCoord.import.taskRetention`: how long a finished job stays visible. */
	readonly retentionMs: number;
	/** Mean time between two new demo jobs; 0: none arrive. */
	readonly arrivalMs: number;
};

/** Something that invents the content of a new job (seed.ts). */
export type JobMaker = (random: () => number, collection: Collection) => {readonly files: readonly FileSpec[]; readonly failure: FailureSpec | undefined};

/** Share of arriving demo jobs (2.5+) in which one file's task fails once and is retried. */
export const retryChance = 0.3;
/** Stop inventing jobs when this many are running, so an idle demo never piles up work. */
const maxRunningArrivals = 30;
/** Milvus' `dataCoord.import.maxImportJobNum` (2.4.14+). */
export const maxImportJobs = 1024;

export const findDatabase = (world: World, name: string): Database | undefined => world.databases.find(database => database.name === name);

/** Job ids are TSO-like int64 values, 18 decimal digits, increasing with creation time. */
export const allocateJobId = (world: World, random: () => number): {readonly jobId: string; readonly world: World} => {
	const next = world.lastJobId + 1n + BigInt(Math.floor(random() * 4096));
	return {jobId: next.toString(), world: {...world, lastJobId: next}};
};

export const addJob = (world: World, job: SimJob): World => ({...world, jobs: new Map([...world.jobs, [job.jobId, job]])});

export const runningJobs = (world: World, now: number): number =>
	[...world.jobs.values()].filter(job => {
		const {phase} = phaseAt(job, now);
		return phase !== 'Completed' && phase !== 'Failed';
	}).length;

/** The randomness and the rules a tick runs with. */
export type TickEnv = {readonly random: () => number; readonly rules: Rules; readonly make: JobMaker};

/** At most this many arriving jobs wait for a commit at once (3.0): a demo left alone does not fill up with them. */
const maxWaitingArrivals = 3;

/** On 3.0 about one arriving job in four is created with auto_commit=false, so the demo keeps offering something to commit or abort. */
const waitsForCommit = (world: World, now: number, rules: Rules, random: () => number): boolean => {
	if (!traitsOf(rules.flavor).hasCommit) {
		return false;
	}

	const waiting = [...world.jobs.values()].filter(job => !job.autoCommit && phaseAt(job, now).phase === 'Uncommitted').length;
	return random() < 0.25 && waiting < maxWaitingArrivals;
};

const spawn = (world: World, at: number, {random, rules, make}: TickEnv): World => {
	const collections = world.databases.flatMap(database => database.collections.map(collection => ({database, collection})));
	const choice = collections[Math.floor(random() * collections.length)];
	if (!choice) {
		return world;
	}

	const {files, failure} = make(random, choice.collection);
	const allocated = allocateJobId(world, random);
	const autoCommit = !waitsForCommit(world, at, rules, random);
	const job = planJob({
		jobId: allocated.jobId,
		dbName: choice.database.name,
		collectionName: choice.collection.name,
		collectionId: choice.collection.id,
		files,
		autoCommit,
		createdAt: at,
	}, phasesOf(rules.flavor, autoCommit), random, failure);
	return addJob(allocated.world, traitsOf(rules.flavor).hasTaskRetry ? planRetry(job, random, retryChance) : job);
};

/** Brings the world up to `now`: finished jobs past retention are dropped (GC), due demo jobs arrive. */
export const tick = (world: World, now: number, env: TickEnv): World => {
	const {random, rules} = env;
	const kept = [...world.jobs].filter(([, job]) => !isExpired(job, now, rules.retentionMs));
	let next: World = kept.length === world.jobs.size ? world : {...world, jobs: new Map(kept)};
	if (rules.arrivalMs <= 0) {
		return next;
	}

	let arrivals = 0;
	while (next.nextArrival !== undefined && next.nextArrival <= now && arrivals < 20) {
		const at = next.nextArrival;
		if (runningJobs(next, now) < maxRunningArrivals) {
			next = spawn(next, at, env);
		}

		next = {...next, nextArrival: at + Math.round(rules.arrivalMs * between(random, 0.5, 1.5))};
		arrivals++;
	}

	// After a long idle spell, do not replay hours of arrivals: resume from now.
	if (next.nextArrival !== undefined && next.nextArrival <= now) {
		next = {...next, nextArrival: now + rules.arrivalMs};
	}

	return next;
};
