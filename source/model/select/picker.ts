import type {Scope} from '../store/actions.js';
import type {AppState} from '../store/state.js';

export type PickerEntry = {readonly label: string; readonly scope: Scope};

export const allCollectionsLabel = 'all collections';

/**
Entries of the picker of the current mode ('collections' or 'databases'; empty otherwise).
Collections start with "all collections"; picking a database watches all of its collections.
*/
export function pickerEntries(state: AppState, which: 'collections' | 'databases'): readonly PickerEntry[] {
	const {dbName} = state.scope;
	if (which === 'collections') {
		const names = state.collections.items ?? [];
		return [
			{label: allCollectionsLabel, scope: {dbName, collectionName: undefined}},
			...names.map(name => ({label: name, scope: {dbName, collectionName: name}})),
		];
	}

	return (state.databases?.items ?? []).map(name => ({label: name, scope: {dbName: name, collectionName: undefined}}));
}

/** Where the current scope is among the entries (0 when it is not listed). */
export function scopeIndex(state: AppState, which: 'collections' | 'databases'): number {
	const index = pickerEntries(state, which).findIndex(entry => which === 'collections'
		? entry.scope.collectionName === state.scope.collectionName
		: entry.scope.dbName === state.scope.dbName);
	return Math.max(0, index);
}

/** The scope under the highlight of the open picker (undefined outside picker modes or on an empty list). */
export function pickedScope(state: AppState): Scope | undefined {
	if (state.mode !== 'collections' && state.mode !== 'databases') {
		return undefined;
	}

	const picker = state.mode === 'collections' ? state.collections : state.databases;
	return pickerEntries(state, state.mode)[picker?.highlighted ?? 0]?.scope;
}

/** The previous/next collection after the current one, wrapping around through "all collections" (`[` and `]`). */
export function neighbourScope(state: AppState, delta: number): Scope {
	const entries = pickerEntries(state, 'collections');
	const index = scopeIndex(state, 'collections');
	const next = (((index + delta) % entries.length) + entries.length) % entries.length;
	return entries[next]!.scope;
}
