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
Which server's weights to read progress with. The app cannot tell the version from the list call,
so 'v2.5' (2.5, 2.6, 3.0) is the default. On 2.4.13+ index building is 70–90 with no sorting
stage, so the default calls it "sorting" until 80; on 2.4.0–2.4.12 rows run 40–100 with the index
wait folded in, so the default hints "sorting"/"building index" above 70 while rows are still
being written there, and its ETA stops at 70.
*/
export type WeightProfile = 'v2.5' | 'v2.4.13' | 'v2.4.0';

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
};

export function stageOf(progress: number, profile: WeightProfile = 'v2.5'): Stage {
	const table = stages[profile];
	return table.find(stage => progress < stage.to) ?? table.at(-1)!;
}

/** What an Importing job is probably doing, read from its progress; undefined for other states or unknown progress. A Failed job drops to 0, so it gets no hint. */
export function phaseHint(job: Pick<TrackedJob, 'state' | 'progress'>, profile: WeightProfile = 'v2.5'): string | undefined {
	if (job.state !== 'Importing' || job.progress === undefined) {
		return undefined;
	}

	return stageOf(job.progress, profile).hint;
}

/** False when the job has no rate whatever the time (not importing, progress unknown, gone): sorting by rate then keeps its key. */
export const mayHaveRate = (job: Pick<TrackedJob, 'state' | 'progress' | 'gone'>): boolean =>
	job.state === 'Importing' && job.progress !== undefined && job.gone === undefined;

/** The samples since the job entered the stage it is in now (or undefined when that stage is not row-linear). */
function linearRun(job: TrackedJob, profile: WeightProfile): readonly ProgressSample[] | undefined {
	if (!mayHaveRate(job) || job.progress === undefined) {
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
export function rate(job: TrackedJob, now: number, profile: WeightProfile = 'v2.5'): number | undefined {
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
export function eta(job: TrackedJob, now: number, profile: WeightProfile = 'v2.5'): number | undefined {
	const perMinute = rate(job, now, profile);
	if (perMinute === undefined || perMinute <= 0 || job.progress === undefined) {
		return undefined;
	}

	const remaining = Math.max(0, stageOf(job.progress, profile).to - job.progress);
	return (remaining / perMinute) * 60_000;
}
