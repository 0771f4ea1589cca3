import type {ProgressSample, TrackedJob} from './types.js';

/**
Milvus reports one stage-weighted progress number per job (docs/milvus-rest.md#states): only
one band of it moves with the rows written. A straight line through a job's samples is only
meaningful inside that band, so rate and ETA look at samples of the current band only and are
undefined elsewhere. Long stays at 70–90 are index building, not a hang (milvus#39348).
*/
export type Stage = {
	readonly from: number;
	/** Exclusive, except for the last stage. */
	readonly to: number;
	readonly hint: string;
	/** Progress grows in proportion to rows written. */
	readonly linear: boolean;
};

/**
Which server's weights to read progress with (Milvus' GetJobProgress, per version): 'v2.5' for 2.5, 2.6
and 3.0's ordinary jobs; 'v2.4.13' (index building 70–90, no sorting); 'v2.4.0' (rows run 40–100, the
index wait folded in); 'v3' for Import V3 jobs (`dataCoord.import.enableImportV3`, off by default).
The list call does not say which, so the app probes the routes (api ImportClient.detectVersion) and a
job's describe can reveal V3 (model/bands.ts). Every function here takes `undefined` for "not known":
no phase word, no rate, no ETA, rather than a wrong one.
*/
export type WeightProfile = 'v2.5' | 'v2.4.13' | 'v2.4.0' | 'v3';

const pending: Stage = {
	from: 0, to: 10, hint: 'queued', linear: false,
};
const preImport: Stage = {
	from: 10, to: 40, hint: 'pre-import', linear: false,
};
const committing: Stage = {
	from: 90, to: 100, hint: 'committing', linear: false,
};

export const stages: Readonly<Record<WeightProfile, readonly Stage[]>> = {
	'v2.5': [
		pending,
		preImport,
		{
			from: 40, to: 70, hint: 'importing rows', linear: true,
		},
		{
			from: 70, to: 80, hint: 'sorting', linear: false,
		},
		{
			from: 80, to: 90, hint: 'building index', linear: false,
		},
		committing,
	],
	'v2.4.13': [
		pending,
		preImport,
		{
			from: 40, to: 70, hint: 'importing rows', linear: true,
		},
		{
			from: 70, to: 90, hint: 'building index', linear: false,
		},
		committing,
	],
	'v2.4.0': [
		pending,
		preImport,
		{
			from: 40, to: 100, hint: 'importing rows', linear: true,
		},
	],
	// Milvus master's getV3JobProgress: pre-import counts rows only (10–15), resharding hashes every row (15–45),
	// planning is 45, the merge writes segments (50–60), index building 60–90, 99 while (auto-)committing.
	v3: [
		pending,
		{
			from: 10, to: 15, hint: 'pre-import', linear: false,
		},
		{
			from: 15, to: 45, hint: 'resharding', linear: true,
		},
		{
			from: 45, to: 50, hint: 'planning', linear: false,
		},
		{
			from: 50, to: 60, hint: 'importing rows', linear: true,
		},
		{
			from: 60, to: 90, hint: 'building index', linear: false,
		},
		committing,
	],
};

export function stageOf(progress: number, profile: WeightProfile): Stage {
	const table = stages[profile];
	return table.find(stage => progress < stage.to) ?? table.at(-1)!;
}

/** What an Importing job is probably doing, read from its progress; undefined for other states or unknown progress. A Failed job drops to 0, so it gets no hint. */
export function phaseHint(job: Pick<TrackedJob, 'state' | 'progress'>, profile: WeightProfile | undefined): string | undefined {
	if (job.state !== 'Importing' || job.progress === undefined || profile === undefined) {
		return undefined;
	}

	return stageOf(job.progress, profile).hint;
}

/** False when the job has no rate whatever the time (not importing, progress unknown, gone): sorting by rate then keeps its key. */
export const mayHaveRate = (job: Pick<TrackedJob, 'state' | 'progress' | 'gone'>): boolean =>
	job.state === 'Importing' && job.progress !== undefined && job.gone === undefined;

/** The samples since the job entered the stage it is in now (or undefined when that stage is not row-linear). */
function linearRun(job: TrackedJob, profile: WeightProfile | undefined): readonly ProgressSample[] | undefined {
	if (!mayHaveRate(job) || job.progress === undefined || profile === undefined) {
		return undefined;
	}

	const stage = stageOf(job.progress, profile);
	if (!stage.linear) {
		return undefined;
	}

	const {samples} = job;
	let start = samples.length;
	while (start > 0 && stageOf(samples[start - 1]!.progress, profile) === stage) {
		start--;
	}

	return samples.slice(start);
}

/**
Percent per minute over the current row-linear stage, from its first sample to `now` (not to the last
sample: a job that stopped moving shows a falling rate instead of its old speed). Undefined outside
that stage, with fewer than two samples in it, or when time did not advance.
*/
export function rate(job: TrackedJob, now: number, profile: WeightProfile | undefined): number | undefined {
	const run = linearRun(job, profile);
	if (run === undefined || run.length < 2) {
		return undefined;
	}

	const first = run[0]!;
	const last = run.at(-1)!;
	const minutes = (now - first.at) / 60_000;
	if (minutes <= 0) {
		return undefined;
	}

	return (last.progress - first.progress) / minutes;
}

/**
Milliseconds until the row-linear stage ends (progress 70 on 2.5+), at the current rate. Deliberately
not until Completed: sorting and index building take as long as they take, and a line drawn through
them would be a guess. Undefined wherever `rate` is, or when the rate is not positive.
*/
export function eta(job: TrackedJob, now: number, profile: WeightProfile | undefined): number | undefined {
	const perMinute = rate(job, now, profile);
	if (perMinute === undefined || perMinute <= 0 || job.progress === undefined || profile === undefined) {
		return undefined;
	}

	const remaining = Math.max(0, stageOf(job.progress, profile).to - job.progress);
	return (remaining / perMinute) * 60_000;
}
