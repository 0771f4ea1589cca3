import {programPrefix, type ModeContext} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';
import {failureExitCode, failureLine, fetchWithRetries} from './fetch-jobs.js';
import {formatPlainTable} from './plain-table.js';
import {jsonDocument} from './json-document.js';
import {selectJobs} from './view.js';

/** `--once` and non-TTY stdout: one plain table. `--json`: one JSON document. Exit 0, or 3 when the server cannot be used. */
export const runOnce = async (context: ModeContext, format: 'plain' | 'json'): Promise<ExitCode> => {
	const {config} = context;
	const {result, attempts} = await fetchWithRetries(context);
	if (context.signal.aborted) {
		return exitCodes.interrupted;
	}

	if (!result.ok) {
		context.err(`${programPrefix}${failureLine(result.error, config.uri, attempts)}\n`);
		return failureExitCode(result.error);
	}

	const at = context.now();
	const jobs = selectJobs(result.value, config, at);
	if (format === 'json') {
		context.out(`${JSON.stringify(jsonDocument(jobs, {
			at, uri: config.uri, dbName: config.dbName, collections: config.collections,
		}), undefined, 2)}\n`);
		return exitCodes.ok;
	}

	context.out(formatPlainTable(jobs));
	if (jobs.length === 0) {
		const narrowed = result.value.length > 0 ? ` match the filters (${result.value.length} hidden)` : '';
		context.err(`${programPrefix}no import jobs${narrowed} on ${config.uri}\n`);
	}

	return exitCodes.ok;
};
