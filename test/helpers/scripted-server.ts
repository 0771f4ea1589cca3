import {Buffer} from 'node:buffer';
import {
	createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse,
} from 'node:http';

/** A tiny local HTTP server whose answers a test scripts; it records every request. 127.0.0.1 only. */
export type SeenRequest = {readonly path: string; readonly headers: IncomingHttpHeaders; readonly body: unknown; readonly at: number};
export type Reply = {readonly status?: number; readonly json?: unknown; readonly text?: string};
export type Handler = (request: SeenRequest) => Reply | Promise<Reply>;

export type ScriptedServer = {
	readonly url: string;
	readonly requests: SeenRequest[];
	setHandler(handler: Handler): void;
	close(): Promise<void>;
};

/** A numeric or string field of a JSON request body, for handlers. */
export const bodyField = (body: unknown, key: string): unknown =>
	typeof body === 'object' && body !== null ? Object.getOwnPropertyDescriptor(body, key)?.value as unknown : undefined;

const readBody = async (request: IncomingMessage): Promise<unknown> => {
	const chunks: Uint8Array[] = [];
	for await (const chunk of request) {
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	}

	const raw = Buffer.concat(chunks).toString('utf8');
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
};

export const startScriptedServer = async (handler: Handler): Promise<ScriptedServer> => {
	let current = handler;
	const requests: SeenRequest[] = [];
	const respond = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const seen = {
			path: request.url ?? '', headers: request.headers, body: await readBody(request), at: performance.now(),
		};
		requests.push(seen);
		const reply = await current(seen);
		const text = reply.text ?? JSON.stringify(reply.json ?? {code: 0, data: {}});
		response.writeHead(reply.status ?? 200, {'Content-Type': reply.text === undefined ? 'application/json; charset=utf-8' : 'text/plain'});
		response.end(text);
	};

	const server = createServer((request, response) => {
		void respond(request, response);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setHandler(next) {
			current = next;
		},
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
