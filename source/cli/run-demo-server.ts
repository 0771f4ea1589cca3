import type {DemoServerRequest} from '../config/config.js';
import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';
import type {DemoTls} from '../demo/tls-front.js';
import {processIo} from './credentials.js';
import {usageError} from './exit.js';

/** `milvus-import-top demo-server`: serves until SIGINT/SIGTERM; a port it cannot take is exit 69 with a hint. */
export const runDemoServerCommand = async (request: DemoServerRequest): Promise<number | undefined> => {
	const {runDemoServer, parseFlavor} = await import('../demo/index.js');
	let tls: DemoTls | undefined;
	if (request.tls !== undefined) {
		const {readDemoTls} = await import('./demo-tls.js');
		const read = await readDemoTls(request.tls, processIo());
		if (typeof read === 'string') {
			return usageError(read);
		}

		tls = read;
	}

	try {
		await runDemoServer({
			tls,
			port: request.port,
			auth: request.auth,
			// The cloud flavour takes an API key: `--auth` given there is that key, whole.
			apiKey: request.auth === undefined ? undefined : `${request.auth.user}:${request.auth.password}`,
			flavor: request.flavor === undefined ? undefined : parseFlavor(request.flavor),
			retentionMs: request.retentionMs,
			onRequest: request.logRequests
				? entry => {
					process.stdout.write(`${entry.method} ${entry.path} ${entry.status}\n`);
				}
				: undefined,
			log(line) {
				process.stdout.write(`${line}\n`);
			},
		});
		return undefined; // Runs until SIGINT/SIGTERM closes it; then the event loop empties.
	} catch (error: unknown) {
		const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
		process.stderr.write(`${programPrefix}cannot start the demo server on port ${request.port} (${code}); try --port 0 for any free port\n`);
		return exitCodes.unavailable;
	}
};

