import {parseBody} from './body.js';
import {
	databaseNotFound, failWith, ok, readRequest, resolveCollection, type Handler,
} from './context.js';
import {findDatabase, type Collection} from './world.js';

/** `collections/list`, `collections/describe`, `databases/list` (docs/milvus-rest.md#collections-and-databases): what a monitor needs to pick a scope. */

const databaseSchema = {struct: 'DatabaseReq', fields: {dbName: {kind: 'string', goName: 'DbName'}}} as const;

export const listCollections: Handler = (context, body, dbHeader) => {
	const request = readRequest(context, body, dbHeader, databaseSchema);
	if ('failed' in request) {
		return request.failed;
	}

	const database = findDatabase(context.world, request.dbName);
	return database ? ok(database.collections.map(collection => collection.name)) : failWith(databaseNotFound(request.dbName));
};

export const listDatabases: Handler = (context, body) => {
	// Any JSON object will do (`dbName` is ignored), but an empty body is still 1801.
	const parsed = parseBody(body, {struct: 'DatabaseReq', fields: {}});
	return parsed.ok ? ok(context.world.databases.map(database => database.name)) : failWith(parsed.error);
};

const describeSchema = {
	struct: 'CollectionNameReq',
	fields: {dbName: {kind: 'string', goName: 'DbName'}, collectionName: {kind: 'string', goName: 'CollectionName', required: true}},
} as const;

const scalarField = {
	primaryKey: false, autoId: false, partitionKey: false, clusteringKey: false, nullable: false, description: '',
};

const describeData = (collection: Collection): Record<string, unknown> => ({
	collectionName: collection.name,
	// A bigint: written as a bare JSON number above 2^53, as Milvus does (docs/milvus-rest.md#collections-and-databases).
	collectionID: collection.id,
	description: '',
	autoId: false,
	fields: [
		{
			...scalarField, name: 'id', type: 'Int64', primaryKey: true, id: 100, params: [],
		},
		{
			...scalarField, name: 'embedding', type: 'FloatVector', id: 101, params: [{key: 'dim', value: String(collection.dim)}],
		},
	],
	functions: [],
	aliases: [],
	indexes: [{fieldName: 'embedding', indexName: 'embedding', metricType: 'COSINE'}],
	load: 'LoadStateLoaded',
	shardsNum: 1,
	partitionsNum: 1,
	consistencyLevel: 'Bounded',
	enableDynamicField: true,
	properties: [],
});

export const describeCollection: Handler = (context, body, dbHeader) => {
	const request = readRequest(context, body, dbHeader, describeSchema);
	if ('failed' in request) {
		return request.failed;
	}

	const {value: parsed, dbName} = request;

	// "can't find collection" is describe's own wording; the restful tests assert it.
	const resolved = resolveCollection(context, dbName, parsed.collectionName!, 'can\'t find collection');
	return 'error' in resolved ? failWith(resolved.error) : ok(describeData(resolved.collection), '');
};
