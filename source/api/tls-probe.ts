import {isIP} from 'node:net';
import {connect} from 'node:tls';
import type {ConnectTls} from './tls-options.js';

/**
What one bare TLS handshake with the request's options shows, sent only after a request on a direct
https:// connection failed with "other side closed". With TLS 1.3 the client's side of the handshake
is over before the server checks our certificate; undici then sees the connection end before the
server's alert is read and says only "other side closed". A handshake that waits for the server's
next move reads the alert (certificate required, unknown CA…), or sees the server hang up.
No HTTP is sent: the server sees a connection, not a request. The same probe on an http:// address
whose server hung up tells whether it speaks TLS there.
*/
export type ProbeResult
	= | {readonly kind: 'error'; readonly error: unknown} // Node's error, carrying the alert's code
		| {readonly kind: 'closed-after-handshake'}
		| {readonly kind: 'handshake-ok'} // Handshake fine, the server waits: the failure was not TLS
		| {readonly kind: 'nothing'}; // No TLS handshake happened (no answer, or closed at once)

/** The server's alert follows its read of our Finished message within a round trip. */
const settleMs = 1500;

export const probeTls = async (url: URL, tls: ConnectTls, timeoutMs: number): Promise<ProbeResult> => new Promise(resolve => {
	const host = url.hostname.replace(/^\[(.*)\]$/v, '$1');
	const socket = connect({
		host,
		port: url.port === '' ? 443 : Number(url.port),
		...tls,
		servername: tls.servername ?? (isIP(host) === 0 ? host : undefined),
		ALPNProtocols: ['http/1.1'],
	});
	let secured = false;
	const finish = (result: ProbeResult): void => {
		clearTimeout(timer);
		socket.destroy();
		resolve(result);
	};

	let timer = setTimeout(() => {
		finish({kind: 'nothing'});
	}, timeoutMs);
	socket.once('error', (error: unknown) => {
		finish({kind: 'error', error});
	});
	socket.once('close', () => {
		finish(secured ? {kind: 'closed-after-handshake'} : {kind: 'nothing'});
	});
	socket.once('secureConnect', () => {
		secured = true;
		clearTimeout(timer);
		timer = setTimeout(() => {
			finish({kind: 'handshake-ok'});
		}, settleMs);
	});
	socket.resume(); // Read, so the alert (or the close) is seen.
});

/** undici's words for a connection the server ended: the only failure a probe can explain. */
export const closedEarlyCodes: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);
