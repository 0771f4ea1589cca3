import {applyFacts} from '../jobs/job-facts.js';
import type {Action} from './actions.js';
import {loadedCollections, loadedDatabases, loadedDetail} from './reduce-loaded.js';
import {isListAction, reduceList} from './reduce-list.js';
import {pollFailed, pollOk, sameScope} from './reduce-poll.js';
import {reduceScreen} from './reduce-screen.js';
import {reduceJournal} from './reduce-journal.js';
import {movePicker, setMode, setScope} from './reduce-view.js';
import {clampInterval, type AppState} from './state.js';
import {noteV3, setWeights} from './reduce-weights.js';

/**
The one reducer. Pure: time arrives in actions, and the same state object comes back when an action
changes nothing (so the view can skip a render). Pause only concerns the poller: a paused state still
takes keys, and an answer that was already on its way is still shown.
*/
export function reducer(state: AppState, action: Action): AppState {
	if (isListAction(action)) {
		return reduceList(state, action);
	}

	switch (action.type) {
		case 'poll-ok': {
			return pollOk(state, action);
		}

		case 'poll-failed': {
			return pollFailed(state, action);
		}

		case 'toggle-pause': {
			return {...state, paused: !state.paused, pausedAt: state.paused ? undefined : action.at};
		}

		case 'set-scope': {
			return setScope(state, action.scope);
		}

		case 'set-interval': {
			const intervalMs = clampInterval(action.ms);
			return intervalMs === state.intervalMs ? state : {...state, intervalMs};
		}

		case 'set-mode': {
			return setMode(state, action.mode);
		}

		case 'picker-move': {
			return movePicker(state, action.delta);
		}

		case 'detail-loaded': {
			return noteV3(loadedDetail(state, action), action);
		}

		case 'set-weights': {
			return setWeights(state, action);
		}

		case 'facts-loaded': {
			const jobs = sameScope(action.scope, state.scope) ? applyFacts(state.jobs, action.facts) : state.jobs;
			return jobs === state.jobs ? state : {...state, jobs};
		}

		case 'collections-loaded': {
			return loadedCollections(state, action);
		}

		case 'databases-loaded': {
			return loadedDatabases(state, action);
		}

		case 'journal-loaded':
		case 'toggle-history': {
			return reduceJournal(state, action);
		}

		case 'set-notice':
		case 'set-command':
		case 'scroll':
		case 'reload': {
			return reduceScreen(state, action);
		}

		case 'ask': {
			// The prompt returns to where it was asked (the list or the detail view).
			return {
				...state, mode: 'confirm', previousMode: state.mode, confirm: action.confirm,
			};
		}

		case 'answered': {
			// previousMode stays as it was: no way should lead back into an answered prompt.
			return state.confirm === undefined
				? state
				: {
					...state, mode: state.previousMode, confirm: undefined,
				};
		}

		case 'job-actions-missing': {
			return state.jobActionsMissing ? state : {...state, jobActionsMissing: true};
		}
	}
}
