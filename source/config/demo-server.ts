import type {ParseResult} from './types.js';
import {parsePort, parseSeconds} from './values.js';
import {
	bool, nonEmpty, text, type RawFlags,
} from './flags.js';

/** `demo-server`'s own flags: the port (default Milvus' 19530), the credentials it demands, TLS, how long finished jobs stay listed, the request log. */
const demoPort = '19530';

export const resolveDemoServer = (flags: RawFlags, flavor: string | undefined): ParseResult => {
	const port = parsePort(text(flags, 'port') ?? demoPort);
	if (!port.ok) {
		return {kind: 'usage-error', message: port.message};
	}

	const auth = text(flags, 'auth');
	const colon = auth?.indexOf(':') ?? -1;
	if (auth !== undefined && colon < 1) {
		return {kind: 'usage-error', message: '--auth must look like user:password'};
	}

	const rawRetention = text(flags, 'retention');
	const retention = rawRetention === undefined ? undefined : parseSeconds('retention', rawRetention, 1);
	if (retention !== undefined && !retention.ok) {
		return {kind: 'usage-error', message: retention.message};
	}

	const cert = nonEmpty(text(flags, 'tls-cert'));
	const key = nonEmpty(text(flags, 'tls-key'));
	const clientCa = nonEmpty(text(flags, 'client-ca'));
	if ((cert === undefined) !== (key === undefined) || (clientCa !== undefined && cert === undefined)) {
		return {kind: 'usage-error', message: cert === undefined ? `--${key === undefined ? 'client-ca' : 'tls-key'} needs --tls-cert` : '--tls-cert needs --tls-key'};
	}

	return {
		kind: 'demo-server',
		retentionMs: retention?.value,
		port: port.value,
		auth: auth === undefined ? undefined : {user: auth.slice(0, colon), password: auth.slice(colon + 1)},
		flavor,
		tls: cert === undefined || key === undefined ? undefined : {cert, key, clientCa},
		logRequests: bool(flags, 'log-requests') === true,
	};
};
