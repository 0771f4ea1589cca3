import {useEffect, useRef} from 'react';
import {createDetailFetcher, type DetailFetcher} from '../api/detail-fetcher.js';
import type {ImportClient} from '../api/types.js';
import type {Action} from '../model/store/actions.js';
import {detailWants} from '../model/select/detail-wants.js';
import {selectedIndex} from '../model/select/select.js';
import type {AppState} from '../model/store/state.js';
import type {TrackedJob} from '../model/jobs/types.js';
import {visibleJobs} from '../model/select/history-rows.js';

/**
Runs the background detail fetcher for the live screen: after every good poll it is told what to ask
describe (detailWants), the rows around the selection first (a screenful either side covers whatever
is on screen), then the other shown rows, then the jobs the filter hides. One fetcher per scope; its
facts come back as one `facts-loaded` action per batch. Paused: it is asked nothing.
*/
export const useDetailFacts = (options: {
	readonly client: ImportClient;
	readonly state: AppState;
	readonly screenRows: number;
	readonly dispatch: (action: Action) => void;
}): void => {
	const {client, state, screenRows, dispatch} = options;
	const {dbName, collectionName} = state.scope;
	const fetcher = useRef<DetailFetcher | undefined>(undefined);

	useEffect(() => {
		const scope = {dbName, collectionName};
		const created = createDetailFetcher({
			client,
			dbName,
			maxAgeMs: state.intervalMs,
			onFacts(facts) {
				dispatch({type: 'facts-loaded', scope, facts});
			},
		});
		fetcher.current = created;
		return () => {
			created.stop();
			fetcher.current = undefined;
		};
		// The interval is passed on below; a new fetcher only for a new client or scope.
	}, [client, dbName, collectionName, dispatch]); // eslint-disable-line react-hooks/exhaustive-deps

	useEffect(() => {
		fetcher.current?.setMaxAge(state.intervalMs);
	}, [state.intervalMs]);

	const {lastOkAt} = state.poll;
	useEffect(() => {
		if (state.paused) {
			fetcher.current?.want([]);
			return;
		}

		const shown = visibleJobs(state);
		const around = Math.max(0, selectedIndex(state));
		const near = shown.slice(Math.max(0, around - screenRows), around + screenRows);
		const nearWants = detailWants(near);
		const seen = new Set(near.map(job => job.jobId));
		const rest: TrackedJob[] = [];
		for (const job of [...shown, ...state.jobs.values()]) {
			if (!seen.has(job.jobId)) {
				seen.add(job.jobId);
				rest.push(job);
			}
		}

		fetcher.current?.want([...nearWants, ...detailWants(rest)], nearWants.length);
		// Once per poll (and when the selection, filter or pause moves what is on screen).
	}, [lastOkAt, state.paused, state.selectedJobId, state.filter, state.sort, screenRows]); // eslint-disable-line react-hooks/exhaustive-deps
};
