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

/**
Matches every JSON string in order (so the scan never mistakes string content for structure) and,
when that string is a `jobId` key followed by a number, captures the number's literal text.
*/
const token = /"([^"\\]*(?:\\.[^"\\]*)*)"(?:(\s*:\s*)(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+\-]?\d+)?))?/gv;

const quoteJobIds = (text: string): string => text.replaceAll(token, (match: string, key: string, colon?: string, number?: string) => {
	if (number === undefined || key.length !== 5 || key.toLowerCase() !== 'jobid') {
		return match;
	}

	return `"${key}"${colon ?? ':'}"${number}"`;
});

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
