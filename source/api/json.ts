/**
Reads a response body as JSON without losing job ids. Milvus sends `jobId` as a string, but the
public docs show it as a number and a proxy or an old server may do the same; ids are int64 and
exceed 2^53, so `JSON.parse` would silently merge two jobs. Node 20 has no `JSON.parse` source
access, so numeric `jobId` values are quoted in the text before parsing.
*/
import {sanitize} from './sanitize.js';

export type JsonRead = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly detail: string};

/** Cheap test for the slow path. Keys match case-insensitively, as Milvus' decoder does (`jobID` works). */
const numericJobId = /"jobid"\s*:\s*-?\d/iv;

/** The literal text of a JSON number right after a key's closing quote: `: 123`, `:-1.5e3`. */
const numberAfterKey = /\s*:\s*(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+\-]?\d+)?)/yv;

/** Index of the quote closing the string that opens at `start`, or -1. A quote preceded by an odd run of backslashes is escaped. */
const stringEnd = (text: string, start: number): number => {
	let index = text.indexOf('"', start + 1);
	while (index !== -1) {
		let backslashes = 0;
		while (text[index - 1 - backslashes] === '\\') {
			backslashes++;
		}

		if (backslashes % 2 === 0) {
			return index;
		}

		index = text.indexOf('"', index + 1);
	}

	return -1;
};

/**
Walks the strings of the text in order (between two strings there is only structure, never a
quote), and quotes the number that follows any `jobId` key. indexOf keeps it native-fast.
*/
const quoteJobIds = (text: string): string => {
	const parts: string[] = [];
	let copied = 0;
	let start = text.indexOf('"');
	while (start !== -1) {
		const end = stringEnd(text, start);
		if (end === -1) {
			break; // Unterminated: JSON.parse will say so.
		}

		let next = end + 1;
		if (end - start === 6 && text.slice(start + 1, end).toLowerCase() === 'jobid') {
			numberAfterKey.lastIndex = next;
			const match = numberAfterKey.exec(text);
			if (match !== null) {
				const numberStart = numberAfterKey.lastIndex - match[1]!.length;
				parts.push(text.slice(copied, numberStart), '"', match[1]!, '"');
				copied = numberAfterKey.lastIndex;
				next = copied;
			}
		}

		start = text.indexOf('"', next);
	}

	parts.push(text.slice(copied));
	return parts.join('');
};

/** V8's message may quote the body (untrusted): sanitize and keep it short. */
const shortError = (error: unknown): string => sanitize(error instanceof Error ? error.message : String(error), 120);

export const hasNumericJobId = (text: string): boolean => numericJobId.test(text);

export const readJson = (text: string): JsonRead => {
	try {
		const source = hasNumericJobId(text) ? quoteJobIds(text) : text;
		return {ok: true, value: JSON.parse(source) as unknown};
	} catch (error) {
		return {ok: false, detail: shortError(error)};
	}
};
