import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {Server} from 'node:net';
import {Buffer} from 'node:buffer';
import type {Credentials} from './auth.js';
import {defaultFlavor, traitsOf, type Flavor} from './flavor.js';
import {handle, json, type Reply} from './routes.js';
import {emptyWorld, makeDemoJob, seedWorld} from './seed.js';
import {addBulkJobs} from './bulk.js';
import {handleCloud} from './cloud/routes.js';
import {createRateGate} from './cloud/rate.js';
import {tick, type Rules, type World} from './world.js';
import {createTlsFront, type DemoTls} from './tls-front.js';

/** node:http glue: read the body, keep the one World, advance it from the clock on each request. */

export type DemoOptions = {
	/** 0 (default): any free port. */
	readonly port?: number;
	/** Default 127.0.0.1: the demo is never reachable from elsewhere unless asked. */
	readonly host?: string;
	/** When set, requests need these credentials (Bearer user:password or Basic). */
	readonly auth?: Credentials;
	readonly flavor?: Flavor;
	readonly clock?: () => number;
	readonly random?: () => number;
	/** How long finished jobs stay listed; default 3 minutes so "expired" shows up in a demo (Milvus: 3 h). */
	readonly retentionMs?: number;
	/** `demo` (default): databases, collections and jobs in every state; `none`: the same catalog, no jobs. */
	readonly seed?: 'demo' | 'none';
	/** Mean time between new demo jobs (default 15 s with the demo seed, none with `none`); 0 turns arrivals off. */
	readonly tickMs?: number;
	/** Extra time each reply takes, so clients can meet `Request-Timeout` and HTTP 408. Default 0. */
	readonly latencyMs?: number;
	/** Called once per answered request (`demo-server --log-requests` prints these). */
	readonly onRequest?: (entry: RequestLogEntry) => void;
	/** Flavour `cloud`: the API key the control plane accepts (default `demo-api-key`). */
	readonly apiKey?: string;
	/** Jobs added to the seed, most of them running (a long list: pagination, request budgets). */
	readonly bulkJobs?: number;
	/** Serve HTTPS (optionally mutual TLS) instead of HTTP. */
	readonly tls?: DemoTls;
};

/** One line of the request log: when, what was asked and what the answer was. Never a header or a body. */
export type RequestLogEntry = {readonly at: number; readonly method: string; readonly path: string; readonly status: number};

export type DemoServer = {
	readonly url: string;
	readonly port: number;
	readonly flavor: Flavor;
	/** The last requests, oldest first (at most `requestLogSize`): what tests read to prove what a client sent. */
	requests(): readonly RequestLogEntry[];
	close(): Promise<void>;
};

export const requestLogSize = 100_000; // Enough for a rate test of a 1,000-job cloud list.

export const defaultRetentionMs = 3 * 60_000;
const maxBodyBytes = 4 * 1024 * 1024;

const header = (request: IncomingMessage, name: string): string | undefined => {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

const send = (response: ServerResponse, reply: Reply): void => {
	response.writeHead(reply.status, {
		...reply.headers,
		'Content-Type': reply.contentType === 'json' ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
		'Access-Control-Allow-Origin': '*',
		'X-Content-Type-Options': 'nosniff',
	});
	response.end(reply.body);
};

const readBody = async (request: IncomingMessage): Promise<string | undefined> => {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of request) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		size += bytes.length;
		if (size > maxBodyBytes) {
			return undefined;
		}

		chunks.push(bytes);
	}

	return Buffer.concat(chunks).toString('utf8');
};

const sleep = async (ms: number): Promise<void> => new Promise(resolve => {
	setTimeout(resolve, ms);
});

/** `Request-Timeout` is whole seconds; anything else is ignored (2.4–2.6). */
const timeoutOf = (request: IncomingMessage): number | undefined => {
	const value = header(request, 'request-timeout');
	return value !== undefined && /^\d+$/v.test(value.trim()) ? Number(value) * 1000 : undefined;
};

/** The path asked for; '' for a target no URL parser accepts (it then matches no route: 404). */
const pathOf = (request: IncomingMessage): string => {
	try {
		return new URL(request.url ?? '/', 'http://demo').pathname;
	} catch {
		return '';
	}
};

const hostForUrl = (host: string): string => {
	if (host === '0.0.0.0' || host === '::') {
		return '127.0.0.1';
	}

	return host.includes(':') ? `[${host}]` : host;
};

const listener = (tls: DemoTls | undefined, handler: (request: IncomingMessage, response: ServerResponse) => void): {readonly server: Server; readonly closeAll: () => void} => {
	if (tls !== undefined) {
		return createTlsFront(tls, handler);
	}

	const server = createServer(handler);
	server.on('clientError', (_error, socket) => {
		if (socket.writable) {
			socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		}
	});
	return {
		server,
		closeAll() {
			server.closeAllConnections();
		},
	};
};

export const startDemoServer = async (options: DemoOptions = {}): Promise<DemoServer> => {
	const flavor = options.flavor ?? defaultFlavor;
	const traits = traitsOf(flavor);
	const clock = options.clock ?? Date.now;
	const random = options.random ?? Math.random;
	const seed = options.seed ?? 'demo';
	const rules: Rules = {flavor, retentionMs: options.retentionMs ?? defaultRetentionMs, arrivalMs: options.tickMs ?? (seed === 'demo' ? 15_000 : 0)};
	let world: World = seed === 'demo' ? seedWorld(clock(), random, rules) : emptyWorld();
	if (options.bulkJobs !== undefined && options.bulkJobs > 0) {
		world = addBulkJobs(world, options.bulkJobs, clock(), random, rules);
	}

	const latencyMs = options.latencyMs ?? 0;
	const gate = createRateGate();
	const log: RequestLogEntry[] = [];
	const answer = (request: IncomingMessage, response: ServerResponse, reply: Reply, at = clock()): void => {
		if (log.length >= requestLogSize) {
			log.splice(0, requestLogSize / 10);
		}

		const entry = {
			at, method: request.method ?? '', path: pathOf(request), status: reply.status,
		};
		log.push(entry);
		options.onRequest?.(entry);
		send(response, reply);
	};

	const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const body = await readBody(request);
		if (body === undefined) {
			response.setHeader('Connection', 'close');
			answer(request, response, {status: 413, contentType: 'text', body: 'request body too large'});
			return;
		}

		const now = clock();
		world = tick(world, now, {random, rules, make: makeDemoJob});
		const context = {
			world, now, random, flavor, traits, rules, auth: options.auth, makeJob: makeDemoJob,
		};
		const demoRequest = {
			method: request.method ?? '',
			path: pathOf(request),
			authorization: header(request, 'authorization'),
			dbName: header(request, 'db-name'),
			body,
		};
		if (flavor === 'cloud') {
			answer(request, response, handleCloud(context, demoRequest, {apiKey: options.apiKey, gate}), now);
			return;
		}

		const result = handle(context, demoRequest);
		world = result.world;
		const timeout = timeoutOf(request);
		if (latencyMs > 0) {
			await sleep(Math.min(latencyMs, timeout ?? latencyMs));
			if (timeout !== undefined && timeout < latencyMs) {
				answer(request, response, traits.jsonTimeout ? json(408, {code: 10_001, message: 'request timeout'}) : {status: 408, contentType: 'text', body: 'timeout'}, now);
				return;
			}
		}

		answer(request, response, result.reply, now);
	};

	const handler = (request: IncomingMessage, response: ServerResponse): void => {
		serve(request, response).catch(() => {
			// A handler bug answers like a Go panic in Milvus, and the server carries on.
			if (!response.headersSent) {
				answer(request, response, json(500, {code: 500}));
			}
		});
	};

	const {server, closeAll} = listener(options.tls, handler);

	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		url: `${options.tls === undefined ? 'http' : 'https'}://${hostForUrl(host)}:${port}`,
		port,
		flavor,
		requests: () => [...log],
		async close() {
			closeAll();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
};
