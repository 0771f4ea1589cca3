import type {Scope} from './actions.js';

/**
The scope the live screen starts in: the database from --db, and the collection when exactly one
--collection was given (several are filtered on the client). cli/main.ts sends this list request
before Ink has loaded, so both must agree.
*/
export const firstScope = (config: {readonly dbName: string | undefined; readonly collections: readonly string[]}): Scope => ({
	dbName: config.dbName,
	collectionName: config.collections.length === 1 ? config.collections[0] : undefined,
});
