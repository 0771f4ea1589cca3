import type {Job} from '../model/jobs/job.js';

/**
How far along a state is, for telling two records of one job apart. Completed and Failed are both the
end; unknown (future) states rank with Importing: somewhere in between.
*/
const stateRank: Readonly<Record<string, number>> = {
	None: 0,
	Pending: 1,
	Importing: 2,
	Uncommitted: 3,
	Committing: 4,
	Completed: 5,
	Failed: 5,
};

const rankOf = (job: Job): number => stateRank[job.state] ?? 2;

/** Whether `candidate` is further along than `kept`: a later state, or the same state with more progress. */
const isAhead = (candidate: Job, kept: Job): boolean => {
	const byState = rankOf(candidate) - rankOf(kept);
	return byState === 0 ? (candidate.progress ?? -1) > (kept.progress ?? -1) : byState > 0;
};

/**
One record per job id (README "Duplicate records"). A reply can list one id twice (a proxy that retried
and concatenated, a merge bug, pages that shifted under the Cloud list); showing whichever came last made
the row flip state on every poll. The rule: the record further along wins (state order None < Pending <
Importing < Uncommitted < Committing < Completed/Failed, then the higher progress); on a full tie the first.
Order is kept (each id where it first appeared). Every consumer (screen, --json, --once, --wait) reads
lists through this, so their counts agree.
*/
export const mergeDuplicates = (jobs: readonly Job[]): Job[] => mergeDuplicatesById(jobs).jobs;

/** mergeDuplicates, and the map of the jobs it kept by id (which the caller may keep). */
export const mergeDuplicatesById = (jobs: readonly Job[]): {readonly jobs: Job[]; readonly byId: Map<string, Job>} => {
	const byId = new Map<string, Job>();
	for (const job of jobs) {
		const kept = byId.get(job.jobId);
		if (kept === undefined || isAhead(job, kept)) {
			byId.set(job.jobId, job);
		}
	}

	return {jobs: byId.size === jobs.length ? [...jobs] : [...byId.values()], byId};
};
