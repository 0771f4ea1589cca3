import {Buffer} from 'node:buffer';
import {createServer, request as httpRequest} from 'node:http';
import {connect, createServer as createNetServer, type Socket} from 'node:net';

/**
A local forward proxy like Squid: CONNECT tunnels (https:// servers) and absolute-form requests
(http:// servers), each one recorded. With `credentials`, it wants `Proxy-Authorization: Basic`.
Every host name resolves to 127.0.0.1 here (a proxy's own DNS), so a test can name a server the
client itself cannot resolve: loopback addresses are never proxied.
*/
export type TestProxy = {
	readonly url: string;
	/** `CONNECT host:port` targets and forwarded `http://…` URLs, in arrival order. */
	readonly seen: readonly string[];
	/** Proxy-Authorization headers received. */
	readonly authorizations: readonly string[];
	close(): Promise<void>;
};

export const startTestProxy = async (credentials?: string): Promise<TestProxy> => {
	const seen: string[] = [];
	const authorizations: string[] = [];
	const sockets = new Set<Socket>();
	const expected = credentials === undefined ? undefined : `Basic ${Buffer.from(credentials).toString('base64')}`;
	const allowed = (header: string | undefined): boolean => {
		if (header !== undefined) {
			authorizations.push(header);
		}

		return expected === undefined || header === expected;
	};

	const server = createServer((request, response) => {
		seen.push(request.url ?? '');
		if (!allowed(request.headers['proxy-authorization'])) {
			response.writeHead(407, {'Proxy-Authenticate': 'Basic realm="test"'}).end();
			return;
		}

		const target = new URL(request.url ?? '');
		target.hostname = '127.0.0.1';
		const headers = {...request.headers};
		delete headers['proxy-authorization'];
		delete headers['proxy-connection'];
		const forward = httpRequest(target, {method: request.method, headers}, upstream => {
			response.writeHead(upstream.statusCode ?? 502, upstream.headers);
			upstream.pipe(response);
		});
		forward.on('error', () => {
			response.writeHead(502).end('bad gateway');
		});
		request.pipe(forward);
	});
	server.on('connect', (request, client: Socket, head: Uint8Array) => {
		seen.push(`CONNECT ${request.url ?? ''}`);
		sockets.add(client);
		client.on('error', () => undefined);
		if (!allowed(request.headers['proxy-authorization'])) {
			client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
			return;
		}

		const port = (request.url ?? '').split(':').at(-1);
		const upstream = connect(Number(port), '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('error', () => {
			client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
		});
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		authorizations,
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
};

/** A TCP relay in front of a server that counts connections: "one request, no retries" even when TLS fails before HTTP. */
export const startCountingRelay = async (targetPort: number): Promise<{readonly port: number; connections(): number; close(): Promise<void>}> => {
	let count = 0;
	const sockets = new Set<Socket>();
	const server = createNetServer(client => {
		count++;
		const upstream = connect(targetPort, '127.0.0.1');
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}

		client.pipe(upstream);
		upstream.pipe(client);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	return {
		port: typeof address === 'object' && address !== null ? address.port : 0,
		connections: () => count,
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
};
