import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';
import {usageHint} from '../config/config.js';
import {guardOutput} from './output-errors.js';

// A closed pipe (EPIPE: quietly, 141) or a full disk (ENOSPC: one line, 74) ends every mode at once, never with 0.
const output = guardOutput(process.stdout, process.stderr, code => {
	process.exit(code);
});

/** Let stdout drain before exiting (a pipe may still hold the table), unless writing it failed. */
export const exit = (code: number): void => {
	process.exitCode = code;
	output.exitWith(code);
};

/** A bad command line: the message and how to get help on stderr, exit code 2. A mistake in the config file is its one line (`hint: false`): --help cannot fix it. */
export const usageError = (message: string, options: {readonly hint?: boolean} = {}): number => {
	process.stderr.write(`${programPrefix}${message}\n${options.hint === false ? '' : `${usageHint}\n`}`);
	return exitCodes.usage;
};

