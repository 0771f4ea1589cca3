import type {AppState} from '../model/store/state.js';

/**
What the job table says when it has no row, so an empty table never looks like a hang or a bug:
- no good poll yet: "loading…" while the first answer is on its way, "no data yet" once it failed
  (the STALE line above says why);
- the server has no job in scope: say so, naming the collection;
- every job is hidden by the filter or the state selection: say which, and how to undo it.
*/
export const emptyText = (state: AppState, loading: string): string => {
	if (state.jobs.size === 0) {
		if (state.poll.lastOkAt === undefined) {
			return state.poll.lastError === undefined ? loading : 'no data yet';
		}

		const {collectionName} = state.scope;
		return collectionName === undefined ? 'no import jobs on this server' : `no import jobs in ${collectionName}`;
	}

	const {text, states} = state.filter;
	const inStates = states.length === 0 ? '' : `${states.length === 1 ? 'state' : 'states'} ${states.join(', ')}`;
	if (text === '') {
		return `no job in ${inStates || 'view'} — Esc clears`;
	}

	return `no job matches filter "${text}"${inStates === '' ? '' : ` in ${inStates}`} — Esc clears`;
};
