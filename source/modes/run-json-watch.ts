import type {ModeContext} from './context.js';
import type {ExitCode} from './exit-codes.js';
import {jsonDocument} from './json-document.js';
import {pollLoop} from './poll-loop.js';
import {selectJobs} from './view.js';

/** `--json --watch`: one compact JSON document per successful poll, one line each (JSON Lines). */
export const runJsonWatch = async (context: ModeContext): Promise<ExitCode> => {
	const {config} = context;
	return pollLoop(context, jobs => {
		const at = context.now();
		const document = jsonDocument(selectJobs(jobs, config, at), {
			at, uri: config.uri, dbName: config.dbName, collections: config.collections,
		});
		context.out(`${JSON.stringify(document)}\n`);
		return undefined;
	});
};
