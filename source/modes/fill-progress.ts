import {createDetailFetcher} from '../api/detail-fetcher.js';
import {isTerminal, type Job} from '../model/jobs/job.js';
import type {ModeContext} from './context.js';

/**
The watching script modes (`--json --watch`, `--wait`) fill in the progress a list record lacks
(Zilliz Cloud's list) from the background fetcher, as the live screen does: each poll asks for the
unfinished jobs without progress and shows what has come back since. On a server whose list has
progress nothing is ever asked.
*/
export type ProgressFill = {
	fill(jobs: readonly Job[]): readonly Job[];
	stop(): void;
};

export const createProgressFill = (context: Pick<ModeContext, 'client' | 'config' | 'signal'>): ProgressFill => {
	const known = new Map<string, number>();
	const fetcher = createDetailFetcher({
		client: context.client,
		dbName: context.config.dbName,
		maxAgeMs: context.config.intervalMs,
		onFacts(batch) {
			for (const facts of batch) {
				if (facts.progress !== undefined) {
					known.set(facts.jobId, facts.progress);
				}
			}
		},
	});
	const stop = (): void => {
		fetcher.stop();
	};

	context.signal.addEventListener('abort', stop, {once: true});
	const lacks = (job: Job): boolean => job.progress === undefined && !isTerminal(job.state);
	return {
		fill(jobs) {
			fetcher.want(jobs.filter(job => lacks(job)).map(job => ({jobId: job.jobId, need: 'progress' as const})));
			return jobs.map(job => (lacks(job) && known.has(job.jobId) ? {...job, progress: known.get(job.jobId)} : job));
		},
		stop,
	};
};
