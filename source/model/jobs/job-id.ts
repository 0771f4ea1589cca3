import type {Job} from './job.js';

/**
The id a person reads and copies. With several contexts the rows are keyed by `context/jobId` (the same
id on two clusters is two rows, api/contexts-hub.ts); the server's own id is what follows the context.
*/
export const shownJobId = (job: Pick<Job, 'jobId' | 'context'>): string =>
	job.context !== undefined && job.jobId.startsWith(`${job.context}/`) ? job.jobId.slice(job.context.length + 1) : job.jobId;
