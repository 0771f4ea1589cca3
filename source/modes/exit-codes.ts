/** The exit codes, one table (README "Exit codes"; `--help` lists them too). */
export const exitCodes = {
	ok: 0,
	/** --wait: a watched job failed. */
	jobFailed: 1,
	usage: 2,
	/** The server stayed unreachable, refused the credentials, or a --job id never showed up. */
	unavailable: 3,
	/** Writing stdout failed: a full disk (ENOSPC) or another write error (sysexits EX_IOERR). */
	outputFailed: 74,
	/** SIGHUP: the terminal went away (128 + 1). */
	hangup: 129,
	/** Ctrl-C / SIGINT, or `q`/Ctrl-C in --wait before the jobs finished, as shells report SIGINT (128 + 2). */
	interrupted: 130,
	/** The reader of stdout went away (EPIPE), as shells report SIGPIPE (128 + 13). */
	closedPipe: 141,
	/** SIGTERM (128 + 15). */
	terminated: 143,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The signals that stop every mode, each with its shell-style exit code (128 + n). */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const satisfies readonly NodeJS.Signals[];

export type StopSignal = (typeof stopSignals)[number];

export const signalExitCode = (signal: StopSignal): ExitCode => {
	switch (signal) {
		case 'SIGTERM': {
			return exitCodes.terminated;
		}

		case 'SIGHUP': {
			return exitCodes.hangup;
		}

		case 'SIGINT': {
			return exitCodes.interrupted;
		}
	}
};
