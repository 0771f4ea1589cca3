import {createReadStream} from 'node:fs';
import {defaultLimits} from './limits.js';
import {journalFiles} from './paths.js';
import {decodeRecord, type JournalRecord} from './record.js';

export type ReadSummary = {
	readonly records: number;
	/** Lines that are not records: a torn last line after a crash, a hand edit. Skipped, never fatal. */
	readonly skipped: number;
};

const missing = (error: unknown): boolean =>
	typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
Streams every record of the journal, oldest file first, to `onRecord`. Memory stays at one chunk
plus what the caller keeps (history keeps one row per job, not every event): a million events read
in bench/journal.ts. A missing file or folder is an empty journal; other read errors throw.
Chunks of 64 KiB, not 1 MiB: a string that large goes straight to V8's old generation and waits there
for a full collection, which the burst of a start does not wait for; a live screen started on a full
journal (54 MB, ~130,000 events) peaked at 219 MB with 1 MiB chunks and 179 MB with these, and
`history` over a million events read faster (README › Performance).
*/
export const readJournal = async (dir: string, onRecord: (record: JournalRecord) => void, keep = defaultLimits.keep + 1): Promise<ReadSummary> => {
	let records = 0;
	let skipped = 0;
	const take = (line: string): void => {
		if (line === '') {
			return;
		}

		const record = decodeRecord(line);
		if (record === undefined) {
			skipped++;
		} else {
			records++;
			onRecord(record);
		}
	};

	// One more rotated file than the default keeps: a journal written with a larger `keep` still reads its newest part.
	for (const file of journalFiles(dir, keep)) {
		let rest = '';
		try {
			// eslint-disable-next-line no-await-in-loop -- files in order
			for await (const chunk of createReadStream(file, {encoding: 'utf8', highWaterMark: 64 * 1024})) {
				const lines = (rest + String(chunk)).split('\n');
				rest = lines.pop() ?? '';
				for (const line of lines) {
					take(line);
				}
			}
		} catch (error: unknown) {
			if (!missing(error)) {
				throw error;
			}
		}

		// The last line of a file without its newline: torn if it does not parse, whole if it does.
		take(rest);
	}

	return {records, skipped};
};
