import type {WeightProfile} from '../jobs/rates.js';
import type {TrackedJob} from '../jobs/types.js';
import type {AppState} from '../store/state.js';

/** The weights a job's progress is read with: V3 once its describe showed it, else the server's (undefined: not known). */
export const weightsOf = (job: Pick<TrackedJob, 'jobId'>, state: Pick<AppState, 'weights' | 'v3Jobs'>): WeightProfile | undefined =>
	state.v3Jobs.has(job.jobId) ? 'v3' : state.weights;
