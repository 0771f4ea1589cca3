import type {Job} from '../model/jobs/job.js';
import type {ImportClient} from './types.js';
import {mergeDuplicates} from './duplicates.js';

/**
Several `--collection`s: Milvus lists either one collection or every job of every database
(milvus-io/milvus#31273), so "all" here means one list per named collection, merged by job id.
A request for one collection passes through unchanged.
*/
export const limitToCollections = (client: ImportClient, collections: readonly string[]): ImportClient => ({
	...client,
	async listImportJobs(options = {}) {
		if (options.collectionName !== undefined || collections.length === 0) {
			return client.listImportJobs(options);
		}

		const jobs: Job[] = [];
		for (const collectionName of collections) {
			// eslint-disable-next-line no-await-in-loop -- one at a time is kinder to the server
			const result = await client.listImportJobs({...options, collectionName});
			if (!result.ok) {
				return result;
			}

			for (const job of result.value) {
				jobs.push(job);
			}
		}

		return {ok: true, value: mergeDuplicates(jobs)};
	},
});
