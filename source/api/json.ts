/**
Reads a response body as JSON without losing job ids. Milvus sends `jobId` as a string, but the
public docs show it as a number and a proxy or an old server may do the same; ids are int64 and
exceed 2^53, so `JSON.parse` would silently merge two jobs. Node 20 has no `JSON.parse` source
access, so numeric `jobId` values are quoted in the text before parsing.
*/
import {sanitize} from './sanitize.js';

export type JsonRead = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly detail: string};

/**
Cheap test for the slow path. Keys match case-insensitively, as Milvus' decoder does (`jobID` works).
Spelled with classes rather than the `i` flag: the same matches (no other character folds to these
letters), and a scan of a 10 MiB body takes half the time.
*/
const numericJobId = /"[jJ][oO][bB][iI][dD]"\s*:\s*-?\d/v;

/** A `jobId` key (any case) and the literal text of the JSON number after it. */
const jobIdNumber = /"(jobid)"(\s*:\s*)(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+\-]?\d+)?)/giv;

/**
Quotes the number after every `jobId` key. A match can only sit inside a string value when its
first quote is escaped (inside a JSON string every `"` is), so an odd run of backslashes before it
means "leave it". An unescaped quote that closes a string right before `jobid` would make invalid
JSON, which JSON.parse rejects whatever we do after that point.
*/
const quoteJobIds = (text: string): string => {
	const parts: string[] = [];
	let copied = 0;
	for (const match of text.matchAll(jobIdNumber)) {
		let backslashes = 0;
		while (text[match.index - 1 - backslashes] === '\\') {
			backslashes++;
		}

		if (backslashes % 2 === 0) {
			const number = match[3]!;
			const numberStart = match.index + match[0].length - number.length;
			parts.push(text.slice(copied, numberStart), '"', number, '"');
			copied = numberStart + number.length;
		}
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
