import {useEffect, useRef} from 'react';
import {createDetailFetcher, type DetailFetcher} from '../api/detail-fetcher.js';
import type {ImportClient} from '../api/types.js';
import type {Action} from '../model/store/actions.js';
import {farWants, withNear, type DetailWant} from '../model/select/detail-wants.js';
import {selectedIndex} from '../model/select/select.js';
import type {AppState} from '../model/store/state.js';
import {visibleJobs} from '../model/select/history-rows.js';

/**
Runs the background detail fetcher for the live screen: after every good poll it is told what to ask
describe (detailWants), the rows around the selection first (a screenful either side covers whatever
is on screen), then the other shown rows, then the jobs the filter hides. Only the rows on screen are
worked out per key; the rest is built per poll, so while a filter is typed its order is the last poll's.
One fetcher per scope; its
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
	/** The off-screen work, built once per poll (and per sort or pause), not once per key. */
	const far = useRef<{readonly key: readonly unknown[]; readonly wants: readonly DetailWant[]} | undefined>(undefined);
	useEffect(() => {
		if (fetcher.current?.idle() === true) {
			return; // No describe on this server: nothing to build a work list for.
		}

		if (state.paused) {
			far.current = undefined;
			fetcher.current?.want([]);
			return;
		}

		const shown = visibleJobs(state);
		const key = [lastOkAt, state.sort, state.scope, state.journal.shown];
		if (far.current === undefined || far.current.key.some((part, index) => part !== key[index])) {
			far.current = {key, wants: farWants(shown, state.jobs.values())};
		}

		const around = Math.max(0, selectedIndex(state));
		const near = shown.slice(Math.max(0, around - screenRows), around + screenRows);
		const {wants, onScreen} = withNear(near, far.current.wants);
		fetcher.current?.want(wants, onScreen);
		// Once per poll (and when the selection, filter or pause moves what is on screen).
	}, [lastOkAt, state.paused, state.selectedJobId, state.filter, state.sort, screenRows]); // eslint-disable-line react-hooks/exhaustive-deps
};
