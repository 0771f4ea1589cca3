import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';

type Stream = {
	/** Set as soon as a write failed; the 'error' event follows a tick later. */
	readonly errored?: Error | null; // eslint-disable-line @typescript-eslint/no-restricted-types -- Node's type
	on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
	write(text: string, callback: () => void): unknown;
};

export type OutputFailure = {readonly code: number; readonly line: string | undefined};

/**
What a failed write to stdout means (README "Exit codes"). A reader that went away (`| head`, EPIPE)
ends the program quietly, with 141 as a shell reports SIGPIPE: never 0, so `--wait | head -2 && deploy`
does not deploy. A full disk (ENOSPC, `> /dev/full`) or any other write error is one line on stderr and
exit 74 (EX_IOERR): the output a script relies on is missing, and `--json --watch` must not poll on.
*/
export const outputFailure = (error: NodeJS.ErrnoException): OutputFailure => {
	if (error.code === 'EPIPE') {
		return {code: exitCodes.closedPipe, line: undefined};
	}

	const reason = error.code === 'ENOSPC' ? 'no space left on device' : 'write error';
	return {code: exitCodes.outputFailed, line: `${programPrefix}cannot write to stdout: ${reason} (${error.code ?? 'unknown'})\n`};
};

export type OutputGuard = {
	/** Exits with `code` once stdout has drained, or with the output failure's code if a write failed. */
	readonly exitWith: (code: number) => void;
};

/**
Ends the process on the first failed write to `stdout`, and makes the normal exit check for one: a
one-shot mode's last write can fail after it returned 0 (the 'error' event comes a tick later).
*/
export const guardOutput = (stdout: Stream, stderr: {write(text: string): unknown}, exit: (code: number) => void): OutputGuard => {
	let done = false;
	const fail = (error: NodeJS.ErrnoException): void => {
		if (done) {
			return;
		}

		done = true;
		const failure = outputFailure(error);
		if (failure.line !== undefined) {
			stderr.write(failure.line);
		}

		exit(failure.code);
	};

	stdout.on('error', fail);
	return {
		exitWith(code) {
			const settle = (): void => {
				if (stdout.errored) {
					fail(stdout.errored);
				} else if (!done) {
					done = true;
					exit(code);
				}
			};

			if (stdout.errored) {
				settle();
				return;
			}

			// Let stdout drain first: a pipe may still hold the table.
			stdout.write('', settle);
		},
	};
};
