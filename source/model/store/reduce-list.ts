import {selectedIndex} from '../select/select.js';
import {sortColumns} from '../select/sort.js';
import type {Action} from './actions.js';
import {withFilter} from './reduce-view.js';
import {reselect, selectAt} from './selection.js';
import type {AppState} from './state.js';

const listTypes: ReadonlySet<Action['type']> = new Set(['move', 'move-to', 'select', 'set-filter', 'toggle-state', 'set-states', 'sort-next', 'sort-reverse', 'set-sort']);

export type ListAction = Extract<Action, {type: 'move' | 'move-to' | 'select' | 'set-filter' | 'toggle-state' | 'set-states' | 'sort-next' | 'sort-reverse' | 'set-sort'}>;

/** Actions on the visible list: each keeps the selection on a visible job. */
export function reduceList(state: AppState, action: ListAction): AppState {
	switch (action.type) {
		case 'move': {
			return selectAt(state, Math.max(0, selectedIndex(state)) + action.delta);
		}

		case 'move-to': {
			return selectAt(state, action.where === 'first' ? 0 : Number.MAX_SAFE_INTEGER);
		}

		case 'select': {
			// Selecting a job that the filter hides leaves the selection where it is.
			return state.jobs.has(action.jobId) ? reselect({...state, selectedJobId: action.jobId}) : state;
		}

		case 'set-filter': {
			return withFilter(state, {...state.filter, text: action.text});
		}

		case 'toggle-state': {
			const {states} = state.filter;
			return withFilter(state, {
				...state.filter,
				states: states.includes(action.state) ? states.filter(value => value !== action.state) : [...states, action.state],
			});
		}

		case 'set-states': {
			return withFilter(state, {...state.filter, states: action.states});
		}

		case 'sort-next': {
			const column = sortColumns[(sortColumns.indexOf(state.sort.column) + 1) % sortColumns.length]!;
			return reselect({...state, sort: {column, reverse: false}});
		}

		case 'sort-reverse': {
			return reselect({...state, sort: {...state.sort, reverse: !state.sort.reverse}});
		}

		case 'set-sort': {
			return action.sort.column === state.sort.column && action.sort.reverse === state.sort.reverse
				? state
				: reselect({...state, sort: action.sort});
		}
	}
}

export const isListAction = (action: Action): action is ListAction => listTypes.has(action.type);
