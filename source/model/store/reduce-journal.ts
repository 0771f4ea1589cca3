import type {Action} from './actions.js';
import {reselect} from './selection.js';
import {maxEvents, type AppState} from './state.js';

export type JournalAction = Extract<Action, {type: 'journal-loaded' | 'toggle-history'}>;

/** The journal's part of the screen (issue #14): its jobs behind `h`, its recent events at the start of the log. */
export function reduceJournal(state: AppState, action: JournalAction): AppState {
	switch (action.type) {
		case 'journal-loaded': {
			// Before this run's own events (the log is oldest first), and no more than the log keeps.
			const events = action.events.length === 0 ? state.events : [...action.events, ...state.events].slice(-maxEvents);
			return reselect({
				...state,
				events,
				journal: {...state.journal, entries: action.entries, earlierBefore: action.at},
			});
		}

		case 'toggle-history': {
			return reselect({...state, journal: {...state.journal, shown: !state.journal.shown}});
		}
	}
}
