import {scopeIndex} from '../select/picker.js';
import type {Action} from './actions.js';
import {emptyPicker, type AppState, type Picker} from './state.js';

/** A describe answer for the job the detail view shows; late answers for another job are ignored. */
export function loadedDetail(state: AppState, action: Extract<Action, {type: 'detail-loaded'}>): AppState {
	if (state.detail?.jobId !== action.jobId) {
		return state;
	}

	return {
		...state,
		detail: {
			...state.detail,
			result: action.result,
			at: action.at,
			lastGood: action.result.ok ? action.result.value : state.detail.lastGood,
		},
	};
}

function loaded(picker: Picker, result: Extract<Action, {type: 'databases-loaded'}>['result']): Picker {
	return result.ok
		? {...picker, items: result.value, error: undefined}
		: {...picker, error: result.error};
}

/** The collection list of the database being watched; a list for a database we left is ignored. */
export function loadedCollections(state: AppState, action: Extract<Action, {type: 'collections-loaded'}>): AppState {
	if (action.dbName !== state.scope.dbName || action.context !== state.scope.context) {
		return state;
	}

	const next = {...state, collections: loaded(state.collections, action.result)};
	// The picker opened before the list arrived: put the highlight on the collection being watched.
	if (state.mode === 'collections' && state.collections.items === undefined) {
		return {...next, collections: {...next.collections, highlighted: scopeIndex(next, 'collections')}};
	}

	return next;
}

/** 404 from databases/list means a 2.4 server: no database picker at all, not an error to show. */
export function loadedDatabases(state: AppState, action: Extract<Action, {type: 'databases-loaded'}>): AppState {
	if (action.context !== state.scope.context) {
		return state;
	}

	if (!action.result.ok && action.result.error.kind === 'not-supported') {
		return state.databases === undefined && state.mode !== 'databases'
			? state
			: {...state, databases: undefined, mode: state.mode === 'databases' ? 'list' : state.mode};
	}

	const next = {...state, databases: loaded(state.databases ?? emptyPicker, action.result)};
	if (state.mode === 'databases' && state.databases?.items === undefined) {
		return {...next, databases: {...next.databases, highlighted: scopeIndex(next, 'databases')}};
	}

	return next;
}
