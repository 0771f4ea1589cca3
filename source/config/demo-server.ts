import type {ParseResult} from './types.js';
import {parsePort} from './values.js';
import {bool, text, type RawFlags} from './flags.js';

/** `demo-server`'s own flags: the port (default Milvus' 19530), the credentials it demands, the request log. */
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

	return {
		kind: 'demo-server',
		port: port.value,
		auth: auth === undefined ? undefined : {user: auth.slice(0, colon), password: auth.slice(colon + 1)},
		flavor,
		logRequests: bool(flags, 'log-requests') === true,
	};
};
