import type {Credentials} from './auth.js';
import {
	parseBody, type BodySchema, type MilvusError, type Parsed,
} from './body.js';
import type {Flavor, Traits} from './flavor.js';
import {
	findDatabase, type Collection, type JobMaker, type Rules, type World,
} from './world.js';

/** What a handler gets: the world as of `now`, and the injected randomness. */
export type Context = {
	readonly world: World;
	readonly now: number;
	readonly random: () => number;
	readonly flavor: Flavor;
	readonly traits: Traits;
	readonly rules: Rules;
	readonly auth: Credentials | undefined;
	readonly makeJob: JobMaker;
};

export type Envelope = {readonly error: MilvusError} | {readonly data: unknown; readonly message?: string};

/** A handler's answer; `world` only when it changed something (create). */
export type HandlerResult = {readonly envelope: Envelope; readonly world?: World};

export type Handler = (context: Context, body: string, dbHeader: string | undefined) => HandlerResult;

export const fail = (code: number, message: string): HandlerResult => ({envelope: {error: {code, message}}});
export const failWith = (error: MilvusError): HandlerResult => ({envelope: {error}});
export const ok = (data: unknown, message?: string): HandlerResult => ({envelope: {data, message}});

/** Body `dbName` → `DB-Name` header → `default` (docs/milvus-rest.md#body). */
export const databaseName = (bodyDb: string | undefined, dbHeader: string | undefined): string =>
	bodyDb === undefined || bodyDb === '' ? (dbHeader === undefined || dbHeader === '' ? 'default' : dbHeader) : bodyDb;

/** 2.4 checks a non-default database before any handler runs; 2.5 dropped that (PR #38078). */
export const preCheck = (context: Context, dbName: string): MilvusError | undefined =>
	context.traits.dbPreCheck && dbName !== 'default' && !findDatabase(context.world, dbName)
		? {code: 800, message: `database not found, database: ${dbName}`}
		: undefined;

export const databaseNotFound = (dbName: string): MilvusError => ({code: 800, message: `database not found[database=${dbName}]`});

/** Resolving a collection is where 2.5+ notices an unknown database. `verb` is `collection not found` or, for describe, `can't find collection`. */
export const resolveCollection = (context: Context, dbName: string, name: string, verb = 'collection not found'): {readonly collection: Collection} | {readonly error: MilvusError} => {
	const database = findDatabase(context.world, dbName);
	if (!database) {
		return {error: databaseNotFound(dbName)};
	}

	const collection = database.collections.find(item => item.name === name);
	return collection ? {collection} : {error: {code: 100, message: `${verb}[database=${dbName}][collection=${name}]`}};
};

/** RFC 3339 without fractions, in UTC (a real server uses its own zone offset). */
export const formatTime = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString().replace(/\.\d{3}Z$/v, 'Z'));

type DatabaseSchema = BodySchema & {readonly fields: {readonly dbName: {readonly kind: 'string'; readonly goName: string}}};

/**
What every handler with a `dbName` field does first: parse the body, resolve the database (body →
`DB-Name` header → `default`) and, on 2.4, check that it exists.
*/
export const readRequest = <S extends DatabaseSchema>(context: Context, body: string, dbHeader: string | undefined, schema: S):
{readonly failed: HandlerResult} | {readonly value: Parsed<S>; readonly dbName: string} => {
	const parsed = parseBody(body, schema);
	if (!parsed.ok) {
		return {failed: failWith(parsed.error)};
	}

	const dbName = databaseName(parsed.value.dbName, dbHeader);
	const denied = preCheck(context, dbName);
	return denied ? {failed: failWith(denied)} : {value: parsed.value, dbName};
};
