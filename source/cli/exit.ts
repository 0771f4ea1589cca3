import {programPrefix} from '../modes/context.js';
import {exitCodes} from '../modes/exit-codes.js';
import {usageHint} from '../config/config.js';

export /** Let stdout drain before exiting: a pipe may still hold the table. */
const exit = (code: number): void => {
	process.exitCode = code;
	process.stdout.write('', () => {
		process.exit(code);
	});
};

/** A bad command line: the message and how to get help on stderr, exit code 2. */
export const usageError = (message: string): number => {
	process.stderr.write(`${programPrefix}${message}\n${usageHint}\n`);
	return exitCodes.usage;
};

