import {readJournal} from '../journal/reader.js';
import {
	byFirstSeen, createHistoryFold, matchesHistory, type HistoryFilter,
} from '../journal/history-rows.js';
import {formatHistoryTable, toHistoryJson} from '../journal/history-format.js';
import {programPrefix} from './context.js';
import {exitCodes, type ExitCode} from './exit-codes.js';

export type HistoryRequest = {
	readonly dir: string;
	readonly filter: HistoryFilter;
	readonly format: 'plain' | 'json';
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
};

/**
`milvus-import-top history`: the journal only, never the server (so it works when the server is
down, or has forgotten the jobs). Exit 0, also when nothing matched (said on stderr, as --once does);
3 when the journal exists but cannot be read.
*/
export const runHistory = async (request: HistoryRequest): Promise<ExitCode> => {
	const fold = createHistoryFold();
	let skipped = 0;
	try {
		({skipped} = await readJournal(request.dir, record => {
			fold.add(record);
		}));
	} catch (error: unknown) {
		const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'read error';
		request.err(`${programPrefix}cannot read the journal in ${request.dir} (${code})\n`);
		return exitCodes.unavailable; // Its source could not be used, as with an unreachable server.
	}

	const all = fold.rows();
	const rows = all.filter(row => matchesHistory(row, request.filter)).toSorted(byFirstSeen);
	if (request.format === 'json') {
		request.out(`${JSON.stringify({
			version: 1, journal: request.dir, skippedLines: skipped, count: rows.length, jobs: rows.map(row => toHistoryJson(row)),
		}, undefined, 2)}\n`);
	} else {
		request.out(formatHistoryTable(rows));
	}

	if (skipped > 0) {
		request.err(`${programPrefix}${skipped} unreadable journal line${skipped === 1 ? '' : 's'} skipped (a write cut short by a crash)\n`);
	}

	if (rows.length === 0) {
		const why = all.length === 0 ? `the journal in ${request.dir} is empty` : `none of ${all.length} journaled jobs match the filters`;
		request.err(`${programPrefix}no jobs: ${why}\n`);
	}

	return exitCodes.ok;
};
