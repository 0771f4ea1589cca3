import {signalExitCode, stopSignals, type StopSignal} from '../modes/exit-codes.js';

export type StopOnSignals = {
	/** Aborted by the first SIGINT, SIGTERM or SIGHUP. */
	readonly signal: AbortSignal;
	/** The run's own code, or the signal's when one stopped it (README "Exit codes"). */
	readonly exitCode: (code: number) => number;
	readonly dispose: () => void;
};

/** The script runs' one way to stop: a stop signal aborts the run, and its exit code names the signal. */
export const stopOnSignals = (): StopOnSignals => {
	const controller = new AbortController();
	let stoppedBy: StopSignal | undefined;
	const onSignal = (signal: StopSignal): void => {
		stoppedBy ??= signal;
		controller.abort();
	};

	for (const signal of stopSignals) {
		process.once(signal, onSignal);
	}

	return {
		signal: controller.signal,
		// The modes report an abort as 130; SIGTERM and SIGHUP have their own codes.
		exitCode: code => (stoppedBy === undefined ? code : signalExitCode(stoppedBy)),
		dispose() {
			for (const signal of stopSignals) {
				process.off(signal, onSignal);
			}
		},
	};
};
