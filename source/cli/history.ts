import {homedir} from 'node:os';
import type {HistoryRequestFlags} from '../config/types.js';
import {journalDir} from '../journal/paths.js';
import type {ExitCode} from '../modes/exit-codes.js';

/** `history`: resolves `--since` against the clock and the journal's folder against the environment, then reads. */
export const runHistoryCommand = async (request: HistoryRequestFlags): Promise<ExitCode> => {
	const {runHistory} = await import('../modes/run-history.js');
	const now = Date.now();
	const since = request.since === undefined ? undefined : (request.since.kind === 'ago' ? now - request.since.ms : request.since.at);
	return runHistory({
		dir: journalDir(process.env, homedir()),
		filter: {
			since, states: request.states, collections: request.collections, contexts: request.contexts,
		},
		format: request.json ? 'json' : 'plain',
		out(text) {
			process.stdout.write(text);
		},
		err(text) {
			process.stderr.write(text);
		},
	});
};
