import {useEffect} from 'react';
import type {ImportClient} from '../api/types.js';
import type {Action} from '../model/store/actions.js';

/**
Describe for the detail view, reloaded whenever `reloadKey` changes (the app passes the time of the
last good list poll, so the detail follows the same cadence without a timer of its own). A new load
aborts the previous one, so describes never overlap either.
*/
export const useDetailLoader = (options: {
	readonly client: ImportClient;
	readonly jobId: string | undefined;
	readonly dbName: string | undefined;
	readonly reloadKey: unknown;
	readonly dispatch: (action: Action) => void;
	readonly now: () => number;
}): void => {
	const {client, jobId, dbName, reloadKey, dispatch, now} = options;
	useEffect(() => {
		if (jobId === undefined) {
			return;
		}

		const controller = new AbortController();
		void client.describeImportJob(jobId, {dbName, signal: controller.signal}).then(result => {
			if (!controller.signal.aborted && !(!result.ok && result.error.kind === 'aborted')) {
				dispatch({
					type: 'detail-loaded', at: now(), jobId, result,
				});
			}
		});
		return () => {
			controller.abort();
		};
	}, [client, jobId, dbName, reloadKey, dispatch, now]);
};

/** Collections of the current database and the databases: loaded at start, on a database switch and when a picker opens. */
export const useListLoaders = (options: {
	readonly client: ImportClient;
	readonly dbName: string | undefined;
	/** Several contexts: the one shown (its own lists), undefined: all (`context/name`). */
	readonly context?: string;
	/** Changes when the collection picker opens. */
	readonly collectionsKey: unknown;
	/** Changes when the database picker opens. */
	readonly databasesKey: unknown;
	readonly dispatch: (action: Action) => void;
}): void => {
	const {
		client, dbName, context, collectionsKey, databasesKey, dispatch,
	} = options;
	useEffect(() => {
		const controller = new AbortController();
		void client.listCollections(dbName, {signal: controller.signal, context}).then(result => {
			if (!controller.signal.aborted) {
				dispatch({
					type: 'collections-loaded', dbName, context, result,
				});
			}
		});
		return () => {
			controller.abort();
		};
	}, [client, dbName, context, collectionsKey, dispatch]);

	useEffect(() => {
		const controller = new AbortController();
		void client.listDatabases({signal: controller.signal, context}).then(result => {
			if (!controller.signal.aborted) {
				dispatch({type: 'databases-loaded', context, result});
			}
		});
		return () => {
			controller.abort();
		};
	}, [client, context, databasesKey, dispatch]);
};
