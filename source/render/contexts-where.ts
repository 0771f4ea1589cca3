import type {ContextWhere} from '../api/contexts-lists.js';

/**
What the header says about where the shown contexts look (issue #13): one context shown, its own database and
collections (or the ones picked with `d` / `c`); all of them shown, the database and collections they share,
else that each has its own. The header must never name one database for clusters that look at different ones.
*/

export type {ContextWhere} from '../api/contexts-lists.js';

/** The screen's scope: the context shown (undefined: all), and the database and collection picked, if any. */
export type WhereScope = {readonly context?: string; readonly dbName?: string; readonly collectionName?: string};

export type WhereShown = {readonly db: string; readonly collections: string};

export const defaultDbLabel = 'default';
export const allCollectionsText = 'all collections';
export const dbPerContext = 'per context';
export const collectionsPerContext = 'collections per context';

const dbOf = (context: ContextWhere): string => context.dbName ?? defaultDbLabel;
const collectionsOf = (context: ContextWhere): string => context.collections.length === 0 ? allCollectionsText : context.collections.join(', ');

/** The one value every context has, or undefined when they differ (or there is none). */
const shared = (values: readonly string[]): string | undefined => values.length > 0 && values.every(value => value === values[0]) ? values[0] : undefined;

export const whereShown = (contexts: readonly ContextWhere[], scope: WhereScope): WhereShown => {
	const shown = scope.context === undefined ? contexts : contexts.filter(context => context.name === scope.context);
	return {
		db: scope.dbName ?? shared(shown.map(context => dbOf(context))) ?? dbPerContext,
		collections: scope.collectionName ?? shared(shown.map(context => collectionsOf(context))) ?? collectionsPerContext,
	};
};
