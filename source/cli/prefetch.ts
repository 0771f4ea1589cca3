import type {
	ImportClient, ListOptions, Result,
} from '../api/types.js';
import type {Job} from '../model/job.js';
import type {Config} from '../config.js';

type Scope = {readonly dbName?: string; readonly collectionName?: string};

/** The scope the live screen polls first: the same rule as the initial state in app.tsx (a test holds them together). */
export const firstListScope = (config: Pick<Config, 'dbName' | 'collections'>): Scope => ({
	dbName: config.dbName,
	collectionName: config.collections.length === 1 ? config.collections[0] : undefined,
});

const aborted: Result<readonly Job[]> = {ok: false, error: {kind: 'aborted'}};

/** Resolves with `promise`, or with `aborted` as soon as `signal` fires (the request itself runs on). */
const untilAborted = async (promise: Promise<Result<readonly Job[]>>, signal: AbortSignal | undefined): Promise<Result<readonly Job[]>> => {
	if (signal === undefined) {
		return promise;
	}

	if (signal.aborted) {
		return aborted;
	}

	return new Promise(resolve => {
		const onAbort = (): void => {
			resolve(aborted);
		};

		signal.addEventListener('abort', onAbort, {once: true});
		void promise.then(result => {
			signal.removeEventListener('abort', onAbort);
			resolve(result);
		});
	});
};

/**
Sends the first list request now and hands its answer to the first `listImportJobs` call for the
same scope. The live screen uses this so the request and the loading of Ink/React/yoga overlap
instead of following each other (issue 5: start-up). The answer is the server's, as the poll would
have got it a moment later; any other call, or a first call for another scope, goes to the server
(and cancels the prefetch).
*/
export const prefetchFirstList = (client: ImportClient, scope: Scope): ImportClient => {
	const controller = new AbortController();
	let pending: Promise<Result<readonly Job[]>> | undefined = client.listImportJobs({...scope, signal: controller.signal});
	return {
		async listImportJobs(options?: ListOptions) {
			const first = pending;
			pending = undefined;
			if (first !== undefined) {
				if (options?.dbName === scope.dbName && options?.collectionName === scope.collectionName) {
					return untilAborted(first, options?.signal);
				}

				controller.abort();
			}

			return client.listImportJobs(options);
		},
		describeImportJob: async (jobId, options) => client.describeImportJob(jobId, options),
		listCollections: async (dbName, options) => client.listCollections(dbName, options),
		listDatabases: async options => client.listDatabases(options),
	};
};
