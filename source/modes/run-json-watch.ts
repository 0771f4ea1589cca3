import {programPrefix, type ModeContext} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureLine, fetchJobs, isFatal} from './fetch-jobs.js';
import {jsonDocument} from './json-document.js';
import {selectJobs} from './view.js';

/**
`--json --watch`: one compact JSON document per successful poll, one line each (JSON Lines).
A failed poll prints one line on stderr and is retried at the next interval; more than --retries
failures in a row (or refused credentials) end it with exit 3. Ctrl-C ends it with 130.
*/
export const runJsonWatch = async (context: ModeContext): Promise<ExitCode> => {
	const {config} = context;
	let failures = 0;
	while (!context.signal.aborted) {
		// eslint-disable-next-line no-await-in-loop -- polls never overlap
		const result = await fetchJobs(context);
		if (context.signal.aborted) {
			break;
		}

		if (result.ok) {
			failures = 0;
			const at = context.now();
			const document = jsonDocument(selectJobs(result.value, config, at), {
				at, uri: config.uri, dbName: config.dbName, collections: config.collections,
			});
			context.out(`${JSON.stringify(document)}\n`);
		} else {
			failures++;
			context.err(`${programPrefix}${failureLine(result.error, config.uri, failures)}\n`);
			if (isFatal(result.error) || failures > context.retries) {
				return exitCodes.unavailable;
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await context.sleep(config.intervalMs, context.signal);
	}

	return exitCodes.interrupted;
};
