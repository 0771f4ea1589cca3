import type {ServerResponse} from 'node:http';
import {
	sendJson, startScriptedServer, type ScriptedServer, type SeenRequest,
} from '../helpers/http-server.js';

/** One answer to a list call: records (Milvus' shape, as raw JSON text so ids can be big numbers), or a raw reply. */
export type ListAnswer
	= | {readonly records: string}
		| {readonly status: number; readonly json: unknown}
		| {readonly hang: true};

export const records = (...jobs: ReadonlyArray<readonly [id: string, collection: string, state: string, progress: number, reason?: string]>): ListAnswer => ({
	records: `[${jobs.map(([id, collection, state, progress, reason]) =>
		JSON.stringify({
			jobId: id, collectionName: collection, state, progress, ...(reason === undefined ? {} : {reason}),
		})).join(',')}]`,
});

/**
A Milvus that answers the n-th list call with the n-th answer, then repeats the last one.
Other routes get gin's 404. `listCalls()` counts the list requests.
*/
export const startListServer = async (answers: readonly ListAnswer[]): Promise<ScriptedServer & {listCalls(): number; lastList(): SeenRequest | undefined}> => {
	let calls = 0;
	let last: SeenRequest | undefined;
	const answer = (request: SeenRequest, response: ServerResponse): void => {
		if (request.path !== '/v2/vectordb/jobs/import/list') {
			response.writeHead(404, {'Content-Type': 'text/plain'});
			response.end('404 page not found');
			return;
		}

		last = request;
		const reply = answers[Math.min(calls, answers.length - 1)]!;
		calls++;
		if ('hang' in reply) {
			return;
		}

		if ('records' in reply) {
			sendJson(response, `{"code":0,"data":{"records":${reply.records}}}`);
			return;
		}

		sendJson(response, reply.json, reply.status);
	};

	const server = await startScriptedServer(answer);
	return {
		...server, url: server.url, requests: server.requests, close: async () => server.close(), listCalls: () => calls, lastList: () => last,
	};
};
