import {describeError} from '../api/errors.js';
import {isJobNotFound} from '../api/job-not-found.js';
import type {ApiError} from '../api/types.js';
import {isTerminal} from '../model/jobs/job.js';
import type {TrackedJob} from '../model/jobs/types.js';

/**
The detail view's one line about a failed describe. "Import job does not exist" for a job we saw
finish (or saw vanish from the list after it finished) is not an error but Milvus' garbage collection:
say so, instead of the raw "importing data failed" text, which reads like the import failed.
*/
export const detailError = (error: ApiError, job: TrackedJob | undefined): string => {
	if (!isJobNotFound(error)) {
		return describeError(error);
	}

	if (job !== undefined && (job.gone === 'expired' || isTerminal(job.state))) {
		return 'expired (Milvus removes finished jobs ~3 h after they end); the last state seen is shown';
	}

	if (job?.gone === 'lost') {
		return 'no longer on the server: it vanished before it finished (the last state seen is shown)';
	}

	return 'the server does not know this job (import job does not exist): check the id and --db';
};
