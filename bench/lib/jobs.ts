import type {Job} from '../../source/model/jobs/job.js';

/** Synthetic jobs for the screen benchmarks: Milvus-like int64 ids, a few collections, every state. Deterministic. */

const collections = ['books', 'movies', 'quick_setup', 'events', 'clicks', 'products_v2', 'reviews', 'images'] as const;
const states = ['Importing', 'Importing', 'Importing', 'Pending', 'Completed', 'Completed', 'Failed'] as const;

export const makeJobs = (count: number): Job[] => Array.from({length: count}, (_, index): Job => {
	const state = states[index % states.length]!;
	return {
		jobId: String(454_891_732_197_000_000n + BigInt(index * 7919)),
		collectionName: collections[(index * 5) % collections.length]!,
		state,
		progress: state === 'Completed' ? 100 : (state === 'Failed' || state === 'Pending' ? 0 : 10 + (index % 80)),
		reason: state === 'Failed' ? `the dim (512) of field 'embedding' does not match the schema (${index})` : '',
	};
});

/** The same jobs with one Importing job one percent further: what a quiet poll brings. */
export const advanceOne = (jobs: readonly Job[], step: number): Job[] => {
	const importing = jobs.flatMap((job, index) => (job.state === 'Importing' ? [index] : []));
	const target = importing[step % importing.length]!;
	return jobs.map((job, index) => (index === target ? {...job, progress: Math.min(99, (job.progress ?? 0) + 1)} : job));
};
