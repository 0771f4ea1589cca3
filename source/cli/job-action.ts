import type {JobActionRequest} from '../config/types.js';
import {exitCodes} from '../modes/exit-codes.js';
import {processIo, resolvePending} from './credentials.js';
import {stopOnSignals} from './stop-signals.js';

export type CommandIo = {
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
	readonly usageError: (message: string) => number;
};

/** `commit JOBID…` / `abort JOBID…`: credentials, the client, Ctrl-C, then the run (modes/run-job-action.ts). */
export const runJobActionCommand = async (request: JobActionRequest, io: CommandIo): Promise<number> => {
	let {config} = request;
	if (request.pending !== undefined) {
		const outcome = await resolvePending(request.pending, processIo());
		if (outcome.kind === 'usage-error') {
			return io.usageError(outcome.message);
		}

		if (outcome.kind === 'interrupted') {
			return exitCodes.interrupted;
		}

		config = {...config, token: outcome.token};
	}

	const [{createJobActions}, {runJobAction}, {loadTransport}] = await Promise.all([
		import('../api/job-actions.js'), import('../modes/run-job-action.js'), import('./load-transport.js'),
	]);
	const transport = await loadTransport(config);
	if (typeof transport === 'number') {
		return transport;
	}

	const actions = createJobActions({
		uri: config.uri, token: config.token, credentialSource: config.credentialSource, dbName: config.dbName, timeoutMs: config.timeoutMs, transport,
	});
	const stop = stopOnSignals();

	try {
		const code = await runJobAction(request.action, request.jobIds, {
			actions, out: io.out, err: io.err, signal: stop.signal,
		});
		return stop.exitCode(code);
	} finally {
		stop.dispose();
	}
};
