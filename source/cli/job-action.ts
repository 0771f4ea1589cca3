import type {JobActionRequest} from '../config/types.js';
import {
	exitCodes, signalExitCode, stopSignals, type StopSignal,
} from '../modes/exit-codes.js';
import {processIo, resolvePending} from './credentials.js';

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
	const controller = new AbortController();
	let stoppedBy: StopSignal | undefined;
	const onSignal = (signal: StopSignal): void => {
		stoppedBy ??= signal;
		controller.abort();
	};

	for (const signal of stopSignals) {
		process.once(signal, onSignal);
	}

	try {
		const code = await runJobAction(request.action, request.jobIds, {
			actions, out: io.out, err: io.err, signal: controller.signal,
		});
		// The run reports an abort as 130; SIGTERM and SIGHUP have their own codes (README "Exit codes").
		return stoppedBy === undefined ? code : signalExitCode(stoppedBy);
	} finally {
		for (const signal of stopSignals) {
			process.off(signal, onSignal);
		}
	}
};
