import {createServer as createHttpsServer} from 'node:https';
import {createServer as createNetServer, type Server, type Socket} from 'node:net';
import type {IncomingMessage, ServerResponse} from 'node:http';

/** PEM texts (not paths): the demo server's certificate and key, and the CA its clients must be signed by (mutual TLS). */
export type DemoTls = {
	readonly cert: string;
	readonly key: string;
	/** When set, every client must show a certificate this CA signed (Milvus `tlsMode: 2`). */
	readonly clientCa?: string;
};

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A TLS record starts with this byte (handshake); plain HTTP starts with a method's letter. */
const tlsHandshake = 0x16;

/** What Go's net/http writes when plain HTTP reaches a port where it serves TLS, then it closes (docs/milvus-rest.md#tls). */
const plainHttpAnswer = 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';

/**
HTTPS on one port, like Milvus with `common.security.tlsMode` 1 or 2. The first byte of each
connection decides: a TLS handshake goes to the HTTPS server, anything else gets Go's 400, so
`http://` to this port fails the way it does against a Go HTTPS server (the client also handles a
server that just hangs up: api/tls-probe.ts).
*/
export const createTlsFront = (tls: DemoTls, handler: Handler): {readonly server: Server; readonly closeAll: () => void} => {
	const mutual = tls.clientCa !== undefined;
	const https = createHttpsServer({
		cert: tls.cert,
		key: tls.key,
		...(mutual ? {ca: tls.clientCa, requestCert: true, rejectUnauthorized: true} : {}),
	}, handler);
	const sockets = new Set<Socket>();
	const server = createNetServer(socket => {
		sockets.add(socket);
		socket.once('close', () => {
			sockets.delete(socket);
		});
		socket.on('error', () => {
			socket.destroy(); // A client that goes away mid-handshake is not the server's problem.
		});
		socket.once('data', (chunk: Uint8Array) => {
			socket.pause();
			if (chunk[0] === tlsHandshake) {
				socket.unshift(chunk); // The TLS socket reads what is buffered first (node's _tls_wrap initRead).
				https.emit('connection', socket);
				return;
			}

			socket.end(plainHttpAnswer);
		});
	});
	return {
		server,
		closeAll() {
			for (const socket of sockets) {
				socket.destroy();
			}
		},
	};
};
