/**
HTTP status + body text → parsed JSON or an ApiError. Milvus answers every business outcome with
HTTP 200 and a code in the body; other statuses come from auth (401/403), gin's router (404,
text `404 page not found`), the timeout middleware (408, JSON on 2.5+, text `timeout` on 2.4),
a panic (500 `{"code":500}`) or a proxy in front (502/503/504 HTML). See docs/milvus-rest.md#http-status.
*/
import type {ApiError, Result} from './types.js';
import type {RawResponse} from './http.js';
import {field, isObject, toNumber} from './fields.js';
import {readJson} from './json.js';
import {parseRetryAfter} from './retry-after.js';
import {sanitize} from './sanitize.js';
import {plainHttpToTlsPort} from './tls-errors.js';

const titleTag = /<title[^>]*>([^<]*)<\/title>/iv;
const htmlStart = /^\s*<(?:!doctype|html|head|body)/iv;

/** The most of a non-JSON body worth showing: an HTML page's <title>, or a plain text's first line. */
export const titleOf = (text: string): string => {
	const head = text.slice(0, 64 * 1024);
	const title = titleTag.exec(head)?.[1];
	if (title !== undefined) {
		return sanitize(title, 120).trim();
	}

	return htmlStart.test(head) ? '' : sanitize(head.split('\n', 1)[0], 120).trim();
};

type ErrorBody = {readonly code: number | undefined; readonly message: string};

const errorBody = (text: string, redact: (text: string) => string): ErrorBody | undefined => {
	const json = readJson(text);
	if (!json.ok || !isObject(json.value)) {
		return undefined;
	}

	return {code: toNumber(field(json.value, 'code')), message: redact(sanitize(field(json.value, 'message')))};
};

export type ResponseContext = {
	/** The path asked for, e.g. `/v2/vectordb/jobs/import/describe`. */
	readonly endpoint: string;
	/** What a server-side timeout (HTTP 408) is reported as. */
	readonly timeoutMs: number;
	/** Removes the token from server text (a server may echo the Authorization header). */
	readonly redact: (text: string) => string;
	/** Epoch ms, for a Retry-After given as a date. */
	readonly now?: () => number;
};

export const classifyResponse = (raw: RawResponse, context: ResponseContext): Result<unknown> => {
	const {status, text} = raw;
	const fail = (error: Extract<Result<unknown>, {ok: false}>['error']): Result<unknown> => ({ok: false, error});
	if (status >= 200 && status < 300) {
		const json = readJson(text);
		if (json.ok) {
			return {ok: true, value: json.value};
		}

		return /^\s*[\{\[]/v.test(text)
			? fail({kind: 'bad-shape', detail: `invalid or truncated JSON (${json.detail})`})
			: fail({kind: 'not-json', status, title: context.redact(titleOf(text))});
	}

	switch (status) {
		case 401:
		case 403: {
			const body = errorBody(text, context.redact);
			return fail({kind: status === 401 ? 'unauthorized' : 'forbidden', code: body?.code, message: body?.message ?? ''});
		}

		case 404: {
			return fail({kind: 'not-supported', endpoint: context.endpoint});
		}

		case 408: {
			return fail({kind: 'timeout', afterMs: context.timeoutMs});
		}

		default: {
			if (plainHttpToTlsPort(status, text)) {
				return fail({kind: 'tls', problem: 'tls-port', detail: ''});
			}

			if (status >= 300 && status < 400) {
				const location = context.redact(sanitize(raw.location, 200));
				return fail({kind: 'http', status, message: location === '' ? 'redirect' : `redirected to ${location}: use that address as --uri`});
			}

			const body = errorBody(text, context.redact);
			const retryAfterMs = parseRetryAfter(raw.retryAfter, (context.now ?? Date.now)());
			const wait = retryAfterMs === undefined ? {} : {retryAfterMs};
			return body === undefined
				? fail({
					kind: 'not-json', status, title: context.redact(titleOf(text)), ...wait,
				})
				: fail({
					kind: 'http', status, message: body.message, ...wait,
				});
		}
	}
};

/** An error parsed from a JSON envelope carries server text: the token comes out of it (a server may echo the Authorization header). */
export const redactEnvelope = (error: ApiError, redact: (text: string) => string): ApiError =>
	error.kind === 'milvus' || error.kind === 'unauthorized' || error.kind === 'forbidden' ? {...error, message: redact(error.message)} : error;

/** A refusal names where the credential came from (`--user`, the URI, `MILVUS_TOKEN`…), so the hint points at the right place. */
export const withCredentialSource = <T>(result: Result<T>, source: string | undefined): Result<T> =>
	!result.ok && result.error.kind === 'unauthorized' && source !== undefined ? {ok: false, error: {...result.error, source}} : result;
