import {useEffect} from 'react';
import type {Action} from '../model/store/actions.js';
import type {JournalSnapshot} from '../journal/to-model.js';

/**
Hands the journal to the store once it has been read (in parallel with the first list, so the
screen never waits for it): its jobs behind `h`, its recent events at the start of the event log.
*/
export function useJournal(journal: Promise<JournalSnapshot> | undefined, dispatch: (action: Action) => void, now: () => number): void {
	useEffect(() => {
		if (journal === undefined) {
			return;
		}

		const startedAt = now();
		let live = true;
		journal.then(snapshot => {
			if (live) {
				dispatch({
					type: 'journal-loaded', at: startedAt, entries: snapshot.entries, events: snapshot.events,
				});
			}
		}, () => undefined);
		return () => {
			live = false;
		};
	}, [journal, dispatch, now]);
}
