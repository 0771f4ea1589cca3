import {
	isPickerMode, pickerEntries, pickerOf, scopeIndex,
} from '../select/picker.js';
import type {JobFilter, TrackedJob} from '../jobs/types.js';
import type {Mode} from './actions.js';
import {sameScope} from './reduce-poll.js';
import {reselect} from './selection.js';
import {
	emptyPicker, initialPollStatus, type AppState, type Picker,
} from './state.js';

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
	a.length === b.length && a.every((value, index) => value === b[index]);

export function withFilter(state: AppState, filter: JobFilter): AppState {
	return filter.text === state.filter.text && sameList(filter.states, state.filter.states)
		? state
		: reselect({...state, filter});
}

export function setMode(state: AppState, mode: Mode): AppState {
	if (mode === state.mode) {
		return state;
	}

	// The context picker's command line lives as long as the picker is open.
	const next: AppState = {
		...state, mode, previousMode: state.mode, screen: state.screen.command === '' ? state.screen : {...state.screen, command: ''},
	};
	switch (mode) {
		case 'detail': {
			if (state.selectedJobId === undefined) {
				return state;
			}

			return state.detail?.jobId === state.selectedJobId
				? next
				: {
					...next, detail: {
						jobId: state.selectedJobId, result: undefined, at: undefined, lastGood: undefined,
					},
				};
		}

		case 'collections': {
			return {...next, collections: {...state.collections, highlighted: scopeIndex(state, 'collections')}};
		}

		case 'databases': {
			// Hidden where the server has no databases/list (2.4).
			return state.databases === undefined
				? state
				: {...next, databases: {...state.databases, highlighted: scopeIndex(state, 'databases')}};
		}

		case 'contexts': {
			return state.contexts === undefined
				? state
				: {...next, contexts: {...state.contexts, highlighted: scopeIndex(state, 'contexts')}};
		}

		case 'help': {
			// Help can sit on top of the detail view and return to it.
			return next;
		}

		case 'list':
		case 'filter':
		case 'events': {
			return {...next, detail: undefined};
		}

		case 'confirm': {
			return state; // Only through 'ask', which says what is being confirmed.
		}
	}
}

export function movePicker(state: AppState, delta: number): AppState {
	if (!isPickerMode(state.mode)) {
		return state;
	}

	const which = state.mode;
	const picker: Picker = pickerOf(state, which) ?? emptyPicker;
	const last = pickerEntries(state, which).length - 1;
	const highlighted = Math.min(Math.max(0, picker.highlighted + delta), Math.max(0, last));
	if (highlighted === picker.highlighted) {
		return state;
	}

	return {...state, [which]: {...picker, highlighted}};
}

/** The most jobs `carried` keeps: the oldest left behind go first. */
export const maxCarried = 20_000;

/** The jobs of the scope being left, over those of scopes left before. */
function carry(state: AppState): ReadonlyMap<string, TrackedJob> {
	if (state.jobs.size === 0) {
		return state.carried;
	}

	const carried = new Map(state.carried);
	for (const [jobId, job] of state.jobs) {
		carried.delete(jobId); // Re-inserted last: it is the newest.
		carried.set(jobId, job);
	}

	for (const jobId of carried.keys()) {
		if (carried.size <= maxCarried) {
			break;
		}

		carried.delete(jobId);
	}

	return carried;
}

/**
Switching scope starts the new one fresh: its jobs, poll status and selection; the event log stays. The
jobs left behind are carried (state.ts `carried`) so their times survive a switch and back.
*/
export function setScope(state: AppState, scope: AppState['scope']): AppState {
	if (sameScope(scope, state.scope)) {
		return state;
	}

	const leaving = state.mode === 'detail' || isPickerMode(state.mode);
	return {
		...state,
		screen: state.screen.command === '' ? state.screen : {...state.screen, command: ''},
		scope,
		mode: leaving ? 'list' : state.mode,
		previousMode: leaving ? state.mode : state.previousMode,
		jobs: new Map(),
		carried: carry(state),
		poll: initialPollStatus,
		selectedJobId: undefined,
		selectedIndex: 0,
		detail: undefined,
		// The collection list belongs to a database (of a context); the database list to a context.
		collections: scope.dbName === state.scope.dbName && scope.context === state.scope.context ? state.collections : emptyPicker,
		databases: scope.context === state.scope.context || state.databases === undefined ? state.databases : emptyPicker,
	};
}

