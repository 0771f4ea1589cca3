import {
	createServer, type IncomingHttpHeaders, type ServerResponse,
} from 'node:http';
import {Buffer} from 'node:buffer';
import {afterEach} from 'vitest';

/** A request as the server saw it, body already read. */
export type SeenRequest = {
	readonly method: string;
	readonly path: string;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
};

/** Answers one request. May do nothing (a hung server) or destroy the socket (a reset). */
export type ScriptHandler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

export type ScriptedServer = {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	readonly url: string;
	/** Every request so far, in arrival order. */
	readonly requests: readonly SeenRequest[];
	/** Stops listening and drops open (even hung) connections. */
	close(): Promise<void>;
};

/** Sends a JSON body the way Milvus does (HTTP 200 unless told otherwise). */
export const sendJson = (response: ServerResponse, value: unknown, status = 200): void => {
	response.writeHead(status, {'Content-Type': 'application/json; charset=utf-8'});
	response.end(typeof value === 'string' ? value : JSON.stringify(value));
};

export const sendText = (response: ServerResponse, text: string, status: number, contentType = 'text/plain; charset=utf-8'): void => {
	response.writeHead(status, {'Content-Type': contentType});
	response.end(text);
};

/** A tiny scriptable server on 127.0.0.1, on a random port unless told one. Close it in afterEach/afterAll. */
export const startScriptedServer = async (handler: ScriptHandler, port = 0): Promise<ScriptedServer> => {
	const requests: SeenRequest[] = [];
	const server = createServer((request, response) => {
		const chunks: Uint8Array[] = [];
		request.on('data', (chunk: Uint8Array) => {
			chunks.push(chunk);
		});
		request.on('end', () => {
			const seen: SeenRequest = {
				method: request.method ?? '',
				path: request.url ?? '',
				headers: request.headers,
				body: new TextDecoder().decode(Buffer.concat(chunks)),
			};
			requests.push(seen);
			Promise.resolve(handler(seen, response)).catch((error: unknown) => {
				sendText(response, String(error), 500);
			});
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`,
		requests,
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
};

/** A port that was free a moment ago and has nothing listening: connecting is refused. */
export const closedPortUrl = async (): Promise<string> => {
	const server = await startScriptedServer(() => undefined);
	const {url} = server;
	await server.close();
	return url;
};

/** `serve(handler)` for a test file: each test's server is closed after it (afterEach). */
export const scriptedServerPerTest = (): ((handler: ScriptHandler) => Promise<ScriptedServer>) => {
	let server: ScriptedServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});
	return async handler => {
		server = await startScriptedServer(handler);
		return server;
	};
};
