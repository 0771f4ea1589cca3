import type {Scope} from '../store/actions.js';
import type {AppState, Picker} from '../store/state.js';

export type PickerEntry = {readonly label: string; readonly scope: Scope};

export type PickerMode = 'collections' | 'databases' | 'contexts';

export const allCollectionsLabel = 'all collections';
export const allContextsLabel = 'all contexts';

export const isPickerMode = (mode: string): mode is PickerMode => mode === 'collections' || mode === 'databases' || mode === 'contexts';

export const pickerOf = (state: AppState, which: PickerMode): Picker | undefined =>
	which === 'collections' ? state.collections : (which === 'databases' ? state.databases : state.contexts);

/**
Several contexts, all shown: the collections' (databases') list holds `context/name` (api/contexts-hub.ts), and
choosing one shows that context alone, at that collection (database). The part before the first `/` is
the context: context names have no `/`.
*/
const splitContext = (item: string): {readonly context: string; readonly name: string} => {
	const slash = item.indexOf('/');
	return {context: item.slice(0, slash), name: item.slice(slash + 1)};
};

/** Whether the collections and databases are listed as `context/name`: several contexts, all of them shown. */
export const listsPerContext = (state: AppState): boolean => state.contexts !== undefined && state.scope.context === undefined;

/**
Entries of a picker. Collections start with "all collections" (of the context shown, or of every one);
picking a database watches all of its collections; contexts start with "all contexts".
*/
export function pickerEntries(state: AppState, which: PickerMode): readonly PickerEntry[] {
	const {dbName, context} = state.scope;
	const names = pickerOf(state, which)?.items ?? [];
	const perContext = listsPerContext(state);
	switch (which) {
		case 'collections': {
			return [
				{label: allCollectionsLabel, scope: {dbName, collectionName: undefined, context}},
				...names.map(name => perContext
					? {label: name, scope: {dbName: undefined, collectionName: splitContext(name).name, context: splitContext(name).context}}
					: {label: name, scope: {dbName, collectionName: name, context}}),
			];
		}

		case 'databases': {
			return names.map(name => perContext
				? {label: name, scope: {dbName: splitContext(name).name, collectionName: undefined, context: splitContext(name).context}}
				: {label: name, scope: {dbName: name, collectionName: undefined, context}});
		}

		case 'contexts': {
			return [
				{label: allContextsLabel, scope: {dbName: undefined, collectionName: undefined, context: undefined}},
				// The context as it is watched now keeps its database and collection; another starts at its own.
				...names.map(name => ({label: name, scope: name === context ? state.scope : {dbName: undefined, collectionName: undefined, context: name}})),
			];
		}
	}
}

/** Where the current scope is among the entries (0 when it is not listed). */
export function scopeIndex(state: AppState, which: PickerMode): number {
	const {scope} = state;
	const index = pickerEntries(state, which).findIndex(entry => {
		switch (which) {
			case 'collections': {
				return entry.scope.collectionName === scope.collectionName && (scope.collectionName === undefined || entry.scope.context === scope.context);
			}

			case 'databases': {
				return entry.scope.dbName === scope.dbName && entry.scope.context === scope.context;
			}

			case 'contexts': {
				return entry.scope.context === scope.context;
			}
		}

		return false;
	});
	return Math.max(0, index);
}

/** The scope under the highlight of the open picker (undefined outside picker modes or on an empty list). */
export function pickedScope(state: AppState): Scope | undefined {
	if (!isPickerMode(state.mode)) {
		return undefined;
	}

	return pickerEntries(state, state.mode)[pickerOf(state, state.mode)?.highlighted ?? 0]?.scope;
}

/** The previous/next collection after the current one, wrapping around through "all collections" (`[` and `]`). */
export function neighbourScope(state: AppState, delta: number): Scope {
	const entries = pickerEntries(state, 'collections');
	const index = scopeIndex(state, 'collections');
	const next = (((index + delta) % entries.length) + entries.length) % entries.length;
	return entries[next]!.scope;
}
