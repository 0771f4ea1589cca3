import type {RunMode} from '../config/config.js';
import type {ModeContext} from '../modes/context.js';
import type {ExitCode} from '../modes/exit-codes.js';

export type Terminal = {readonly stdoutIsTty: boolean; readonly stdinIsTty: boolean};

/** Which runner a mode maps to, given the terminal. Pure, so the table is testable. */
export type Runner
	= | {readonly kind: 'tui'; readonly wait: {readonly jobIds: readonly string[]} | undefined}
		| {readonly kind: 'plain'}
		| {readonly kind: 'json'}
		| {readonly kind: 'json-watch'}
		| {readonly kind: 'wait-lines'; readonly jobIds: readonly string[]};

export const chooseRunner = (mode: RunMode, terminal: Terminal): Runner => {
	const interactive = terminal.stdoutIsTty && terminal.stdinIsTty;
	switch (mode.kind) {
		case 'live': {
			return interactive ? {kind: 'tui', wait: undefined} : {kind: 'plain'};
		}

		case 'once': {
			return {kind: 'plain'};
		}

		case 'json': {
			return mode.watch ? {kind: 'json-watch'} : {kind: 'json'};
		}

		case 'wait': {
			return interactive ? {kind: 'tui', wait: {jobIds: mode.jobIds}} : {kind: 'wait-lines', jobIds: mode.jobIds};
		}
	}
};

/**
Runs a script mode (everything except the live screen, which main.ts loads on demand). Each mode is
imported when chosen, so --help and the live screen do not load the plain table's string-width.
*/
export const runScriptMode = async (runner: Exclude<Runner, {readonly kind: 'tui'}>, context: ModeContext): Promise<ExitCode> => {
	switch (runner.kind) {
		case 'plain': {
			const {runOnce} = await import('../modes/run-once.js');
			return runOnce(context, 'plain');
		}

		case 'json': {
			const {runOnce} = await import('../modes/run-once.js');
			return runOnce(context, 'json');
		}

		case 'json-watch': {
			const {runJsonWatch} = await import('../modes/run-json-watch.js');
			return runJsonWatch(context);
		}

		case 'wait-lines': {
			const {runWait} = await import('../modes/run-wait.js');
			return runWait(context, runner.jobIds);
		}
	}
};
