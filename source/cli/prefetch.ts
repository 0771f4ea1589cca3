import type {
	ImportClient, ListOptions, Result,
} from '../api/types.js';
import type {Job} from '../model/jobs/job.js';
import type {Action, Scope} from '../model/store/actions.js';

type ListResult = Result<readonly Job[]>;
export type FirstList = Extract<Action, {readonly type: 'poll-ok'}>;

export type Prefetch = {
	/** The client to hand to the screen: its first list call for the scope gets the prefetched answer. */
	readonly client: ImportClient;
	/**
	The answer, if it has already arrived and was good, as the screen's first poll; the client then
	no longer hands it out (the screen starts with it and polls one interval later).
	*/
	readonly takeReady: () => FirstList | undefined;
};

const aborted: ListResult = {ok: false, error: {kind: 'aborted'}};

/** Resolves with `promise`, or with `aborted` as soon as `signal` fires (the request itself runs on). */
const untilAborted = async (promise: Promise<ListResult>, signal: AbortSignal | undefined): Promise<ListResult> => {
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
Sends the live screen's first list request now, so that it and the loading of Ink, React and yoga
(the largest part of start-up, issue 5) overlap instead of following each other. The answer is the
server's, exactly as the first poll would have got it a moment later. It reaches the screen either
through `takeReady` (already here when the screen mounts) or through the first `listImportJobs` call
for the same scope; any other first call cancels the prefetch and goes to the server.
*/
export const prefetchFirstList = (client: ImportClient, scope: Scope, now: () => number): Prefetch => {
	const controller = new AbortController();
	// Held only until the answer is handed out (takeReady or the first list call). Kept for the life of the
	// screen, the first answer held each of its jobs after the server had dropped it: memory that grew as the
	// cluster's jobs turned over, up to a whole answer (a heap snapshot at 17 minutes, 10,000 jobs: 6,500).
	let settled: {readonly at: number; readonly result: ListResult} | undefined;
	let pending: Promise<ListResult> | undefined = client.listImportJobs({...scope, signal: controller.signal}).then(result => {
		if (pending !== undefined) {
			settled = {at: now(), result};
		}

		return result;
	});
	const matches = (options: ListOptions | undefined): boolean => options?.dbName === scope.dbName && options?.collectionName === scope.collectionName;
	return {
		client: {
			async listImportJobs(options?: ListOptions) {
				const first = pending;
				pending = undefined;
				settled = undefined;
				if (first !== undefined) {
					if (matches(options)) {
						return untilAborted(first, options?.signal);
					}

					controller.abort();
				}

				return client.listImportJobs(options);
			},
			describeImportJob: async (jobId, options) => client.describeImportJob(jobId, options),
			hasDescribe: () => client.hasDescribe?.(),
			listCollections: async (dbName, options) => client.listCollections(dbName, options),
			listDatabases: async options => client.listDatabases(options),
			...(client.detectVersion === undefined ? {} : {detectVersion: client.detectVersion.bind(client)}),
		},
		takeReady() {
			const ready = settled;
			if (pending === undefined || !ready?.result.ok) {
				return undefined;
			}

			pending = undefined;
			settled = undefined;
			return {
				type: 'poll-ok', at: ready.at, scope, jobs: ready.result.value,
			};
		},
	};
};
