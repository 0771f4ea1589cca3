import type {TlsMaterial} from '../api/transport.js';
import type {Config} from '../config/config.js';
import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';
import {processIo} from './credentials.js';
import {usageError} from './exit.js';

/** The TLS files and the passphrase prompt, before the first request; an exit code when they cannot be used. */
export const loadTransport = async (config: Config): Promise<TlsMaterial | number> => {
	const {loadTls} = await import('./tls-files.js');
	const outcome = await loadTls(config.transport, processIo());
	if (outcome.kind === 'usage-error') {
		return usageError(outcome.message);
	}

	if (outcome.kind === 'interrupted') {
		return exitCodes.interrupted;
	}

	if (outcome.material.insecure) {
		// Every start, every mode: nobody should forget it is on.
		process.stderr.write(`${programPrefix}warning: --insecure: the server's TLS certificate is not verified (anyone on the path can read the token)\n`);
	}

	return outcome.material;
};
