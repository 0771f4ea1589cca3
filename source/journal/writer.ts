import {
	appendFileSync, closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync,
} from 'node:fs';
import path from 'node:path';
import {Buffer} from 'node:buffer';
import {type JournalLimits, defaultLimits} from './limits.js';
import {currentName, rotatedName} from './paths.js';
import {encodeRecord, type JournalRecord} from './record.js';

export type JournalWriter = {
	/** Appends the records, in writes of whole lines (so a crash tears at most the last line). Never throws. */
	readonly append: (records: readonly JournalRecord[]) => void;
	/** Bytes written by this writer, for the bench. */
	readonly written: () => number;
};

export type WriterOptions = {
	readonly dir: string;
	readonly limits?: JournalLimits;
	readonly now: () => number;
	/** Called once, with a one-line message, when the journal cannot be written; it is then off for this run. */
	readonly onError: (message: string) => void;
};

const errorCode = (error: unknown): string =>
	typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : (error instanceof Error ? error.message : 'unknown error');

const sizeOf = (file: string): {readonly size: number; readonly mtimeMs: number} | undefined => {
	try {
		const stat = statSync(file);
		return {size: stat.size, mtimeMs: stat.mtimeMs};
	} catch {
		return undefined;
	}
};

/** Whether the file's last byte is a newline: a crash mid-write leaves a line without one, and our next line must not be glued to it. */
const endsWithNewline = (file: string, size: number): boolean => {
	const fd = openSync(file, 'r');
	try {
		const byte = Buffer.alloc(1);
		readSync(fd, byte, 0, 1, size - 1);
		return byte[0] === 0x0A;
	} finally {
		closeSync(fd);
	}
};

/** Deletes the files last written longer ago than the limit allows. */
const prune = (dir: string, limits: JournalLimits, now: number): void => {
	for (const name of [currentName, ...Array.from({length: limits.keep + 1}, (_, i) => rotatedName(i + 1))]) {
		const file = path.join(dir, name);
		const stat = sizeOf(file);
		if (stat !== undefined && now - stat.mtimeMs > limits.maxAgeMs) {
			rmSync(file, {force: true});
		}
	}
};

/** journal.jsonl → journal.1.jsonl → … → journal.<keep>.jsonl; what was the oldest is overwritten (deleted). */
const rotate = (dir: string, limits: JournalLimits, now: number): void => {
	if (limits.keep === 0) {
		rmSync(path.join(dir, currentName), {force: true});
		return;
	}

	for (let index = limits.keep - 1; index >= 1; index--) {
		const from = path.join(dir, rotatedName(index));
		if (sizeOf(from) !== undefined) {
			renameSync(from, path.join(dir, rotatedName(index + 1)));
		}
	}

	renameSync(path.join(dir, currentName), path.join(dir, rotatedName(1)));
	prune(dir, limits, now);
};

/**
Lines are written in pieces of about this many characters. The first poll of 10,000 jobs into an empty
journal is 10,000 "appeared" lines (~3 MB): made into one string, then one buffer, they stood in memory
at once, at start-up, where the process' peak is (README › Design › Memory). Each piece is whole lines,
so what a crash tears is still at most the last line, and another instance's lines fall between pieces,
never inside a line.
*/
export const writeChars = 64 * 1024;

/**
The journal's only writer. Synchronous on purpose: a poll's records are a few hundred bytes (one
write per poll, measured in bench/journal.ts), and a line is then on disk before the app can die.
Other instances may append to the same file: each write opens the path anew (so one that rotated
is followed) and O_APPEND writes of one buffer do not interleave on a local file system.
*/
export const openJournalWriter = (options: WriterOptions): JournalWriter => {
	const {dir, now, onError} = options;
	const limits = options.limits ?? defaultLimits;
	const file = path.join(dir, currentName);
	let failed = false;
	let needsNewline = false;
	let written = 0;
	const fail = (error: unknown): void => {
		failed = true;
		onError(`journal off for this run: cannot write ${file} (${errorCode(error)})`);
	};

	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		prune(dir, limits, now());
		const stat = sizeOf(file);
		needsNewline = stat !== undefined && stat.size > 0 && !endsWithNewline(file, stat.size);
	} catch (error: unknown) {
		fail(error);
	}

	/** Writes whole lines; false once the journal is off. */
	const write = (lines: string): boolean => {
		try {
			const size = sizeOf(file)?.size ?? 0;
			let text = lines;
			let bytes = Buffer.byteLength(text);
			if (size > 0 && size + bytes > limits.maxBytes) {
				rotate(dir, limits, now());
				if (text.startsWith('\n')) {
					text = text.slice(1);
					bytes--;
				}
			}

			appendFileSync(file, text, {mode: 0o600});
			needsNewline = false;
			written += bytes;
			return true;
		} catch (error: unknown) {
			fail(error);
			return false;
		}
	};

	return {
		append(records) {
			if (failed || records.length === 0) {
				return;
			}

			let text = needsNewline ? '\n' : '';
			for (const record of records) {
				text += encodeRecord(record);
				if (text.length >= writeChars) {
					if (!write(text)) {
						return;
					}

					text = '';
				}
			}

			if (text !== '') {
				write(text);
			}
		},
		written: () => written,
	};
};
