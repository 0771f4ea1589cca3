import type {
	ApiError, ImportClient, ListOptions, RequestOptions, Result,
} from '../../source/api/types.js';
import type {Job, JobDetail} from '../../source/model/jobs/job.js';

/** One request the app made, waiting for the test to answer it. */
export type Pending<T> = {
	readonly options: ListOptions & {readonly dbName?: string};
	readonly jobId?: string;
	readonly resolve: (result: Result<T>) => void;
	readonly signal: AbortSignal | undefined;
};

/**
An ImportClient whose every answer the test gives by hand: requests queue up in `lists`, `describes`,
`collections` and `databases`; `answerList` etc. settle the oldest one. No module mocks.
An aborted request settles with `aborted`, like the real client. `hasDescribe: true` lets the
background detail fetcher run (its describes queue up with the others).
*/
export const createFakeClient = (options: {readonly hasDescribe?: boolean} = {}) => {
	const lists: Array<Pending<readonly Job[]>> = [];
	const describes: Array<Pending<JobDetail>> = [];
	const collections: Array<Pending<readonly string[]>> = [];
	const databases: Array<Pending<readonly string[]>> = [];
	let listCalls = 0;

	const queue = async <T>(into: Array<Pending<T>>, options: Pending<T>['options'], jobId?: string): Promise<Result<T>> =>
		new Promise(resolve => {
			const onAbort = () => {
				const index = into.indexOf(entry);
				if (index !== -1) {
					into.splice(index, 1);
				}

				resolve({ok: false, error: {kind: 'aborted'}});
			};

			// As the real client: an answered request leaves nothing on the caller's signal (which would hold the answer).
			const entry: Pending<T> = {
				options,
				jobId,
				resolve(result) {
					options.signal?.removeEventListener('abort', onAbort);
					resolve(result);
				},
				signal: options.signal,
			};
			into.push(entry);
			options.signal?.addEventListener('abort', onAbort, {once: true});
		});

	const client: ImportClient = {
		// Like Milvus < 2.4.13 unless asked: the live screen's background fetcher then asks nothing, and a test sees only the requests it drives.
		hasDescribe: () => options.hasDescribe ?? false,
		async listImportJobs(options: ListOptions = {}) {
			listCalls++;
			return queue(lists, options);
		},
		async describeImportJob(jobId: string, options: RequestOptions & {readonly dbName?: string} = {}) {
			return queue(describes, options, jobId);
		},
		async listCollections(dbName?: string, options: RequestOptions = {}) {
			return queue(collections, {...options, dbName});
		},
		async listDatabases(options: RequestOptions = {}) {
			return queue(databases, options);
		},
	};

	const settle = <T>(into: Array<Pending<T>>, result: Result<T>): Pending<T> => {
		const entry = into.shift();
		if (entry === undefined) {
			throw new Error('no request is waiting');
		}

		entry.resolve(result);
		return entry;
	};

	return {
		client,
		lists,
		describes,
		collections,
		databases,
		get listCalls() {
			return listCalls;
		},
		answerList: (jobs: readonly Job[]) => settle(lists, {ok: true, value: jobs}),
		failList: (error: ApiError) => settle(lists, {ok: false, error}),
		answerDescribe: (detail: JobDetail) => settle(describes, {ok: true, value: detail}),
		failDescribe: (error: ApiError) => settle(describes, {ok: false, error}),
		answerCollections: (names: readonly string[]) => settle(collections, {ok: true, value: names}),
		answerDatabases: (result: Result<readonly string[]>) => settle(databases, result),
	};
};

export type FakeClient = ReturnType<typeof createFakeClient>;

export const job = (jobId: string, state: string, progress: number | undefined, more: Partial<Job> = {}): Job => ({
	jobId, collectionName: 'books', state, progress, reason: '', ...more,
});
