import type {WeightProfile} from '../jobs/rates.js';
import type {TrackedJob} from '../jobs/types.js';
import type {AppState} from '../store/state.js';

/**
The weights a job's progress is read with: V3 once its describe showed it, else its server's (undefined: not
known). With several contexts the server is the job's context's: a 2.4.0 and a 2.5 cluster side by side each
read their own rows their own way, and a context that cannot tell (Zilliz Cloud) shows progress only.
*/
export const weightsOf = (job: Pick<TrackedJob, 'jobId' | 'context'>, state: Pick<AppState, 'weights' | 'contextWeights' | 'v3Jobs'>): WeightProfile | undefined => {
	if (state.v3Jobs.has(job.jobId)) {
		return 'v3';
	}

	return job.context === undefined ? state.weights : state.contextWeights.get(job.context);
};
