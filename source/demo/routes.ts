import {isAuthorized, unauthenticated} from './auth.js';
import {describeCollection, listCollections, listDatabases} from './collections.js';
import type {Context, Envelope, Handler} from './context.js';
import {createJob} from './jobs-create.js';
import {abortImport, commitImport} from './jobs-commit.js';
import type {Traits} from './flavor.js';
import {describeJob, listJobs} from './jobs.js';
import {toJson} from './json.js';
import type {World} from './world.js';

/** Request in, reply out: routing, auth and the envelope. No sockets here (server.ts), so it is tested directly. */

export type DemoRequest = {
	readonly method: string;
	readonly path: string;
	readonly authorization: string | undefined;
	readonly dbName: string | undefined;
	readonly body: string;
};

export type Reply = {readonly status: number; readonly contentType: 'json' | 'text'; readonly body: string; readonly headers?: Readonly<Record<string, string>>};

type Route = {readonly handler: Handler; readonly available: (traits: Traits) => boolean};

const always = (): boolean => true;

const routes: ReadonlyMap<string, Route> = new Map([
	['/v2/vectordb/jobs/import/list', {handler: listJobs, available: always}],
	['/v2/vectordb/jobs/import/create', {handler: createJob, available: always}],
	// Describe first shipped in 2.4.13 (PR #36754); get_progress is the older alias.
	['/v2/vectordb/jobs/import/describe', {handler: describeJob, available: (traits: Traits) => traits.hasDescribe}],
	['/v2/vectordb/jobs/import/get_progress', {handler: describeJob, available: always}],
	// 3.0-dev only (PR #48524, docs/milvus-rest.md#commit-and-abort); not on the 2.6 branch.
	['/v2/vectordb/jobs/import/commit', {handler: commitImport, available: (traits: Traits) => traits.hasCommit}],
	['/v2/vectordb/jobs/import/abort', {handler: abortImport, available: (traits: Traits) => traits.hasCommit}],
	['/v2/vectordb/collections/list', {handler: listCollections, available: always}],
	['/v2/vectordb/collections/describe', {handler: describeCollection, available: always}],
	['/v2/vectordb/databases/list', {handler: listDatabases, available: (traits: Traits) => traits.hasDatabasesList}],
]);

/** gin's default answer for a route it does not have, or a method other than POST. */
export const notFound: Reply = {status: 404, contentType: 'text', body: '404 page not found'};

export const json = (status: number, value: unknown): Reply => ({status, contentType: 'json', body: toJson(value)});

const render = (envelope: Envelope, traits: Traits): Reply =>
	'error' in envelope
		? json(200, envelope.error) // Every business error is HTTP 200 (milvus#52991).
		: json(200, {code: traits.successCode, data: envelope.data, message: envelope.message});

export const handle = (context: Context, request: DemoRequest): {readonly reply: Reply; readonly world: World} => {
	const route = routes.get(request.path);
	if (request.method !== 'POST' || !route?.available(context.traits)) {
		return {reply: notFound, world: context.world};
	}

	if (!isAuthorized(context.auth, request.authorization)) {
		return {reply: json(401, unauthenticated), world: context.world};
	}

	const result = route.handler(context, request.body, request.dbName);
	return {reply: render(result.envelope, context.traits), world: result.world ?? context.world};
};
