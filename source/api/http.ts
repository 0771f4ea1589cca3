/**
One POST with a deadline and a capped body: the only place that calls fetch. Anything thrown
(refused, DNS, reset, abort, timeout) comes back as an ApiError value.
*/
import {Buffer} from 'node:buffer';
import type {Result} from './types.js';
import {classifyFetchError} from './errors.js';

/** A hostile or broken server must not be able to fill memory; a 100k-job list is ~10 MiB. */
export const maxBodyBytes = 64 * 1024 * 1024;

export type RawResponse = {
	readonly status: number;
	readonly text: string;
	/** `Location` header of a redirect ('' otherwise). */
	readonly location: string;
	/** `Retry-After` header ('' when absent): how long a struggling server asks us to wait. */
	readonly retryAfter: string;
};

export type PostRequest = {
	readonly fetch: typeof fetch;
	readonly url: string;
	/** Server address for messages, without credentials. */
	readonly displayUri: string;
	readonly headers: Readonly<Record<string, string>>;
	readonly body: unknown;
	/** Client-side deadline for the whole exchange, body included. */
	readonly deadlineMs: number;
	/** The configured --timeout, which a timeout message names (the deadline has a grace period on top). */
	readonly timeoutMs?: number;
	readonly signal?: AbortSignal;
	readonly maxBytes?: number;
};

const tooLarge = Symbol('too large');

const readCapped = async (response: Response, maxBytes: number): Promise<string | typeof tooLarge> => {
	if (Number(response.headers.get('content-length')) > maxBytes) {
		return tooLarge;
	}

	const body = response.body as unknown;
	if (typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) {
		return response.text(); // No stream to count (an injected fetch): trust it.
	}

	// A web ReadableStream (undici's fetch, Node's own) is an async iterable; so is a Node stream from an injected fetch.
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Uint8Array | string>) { // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- checked just above
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += bytes.byteLength;
		if (size > maxBytes) {
			return tooLarge; // Leaving the loop cancels the stream.
		}

		chunks.push(bytes);
	}

	return new TextDecoder().decode(Buffer.concat(chunks));
};

export const post = async (request: PostRequest): Promise<Result<RawResponse>> => {
	const maxBytes = request.maxBytes ?? maxBodyBytes;
	if (request.signal?.aborted) {
		return {ok: false, error: {kind: 'aborted'}};
	}

	const deadline = AbortSignal.timeout(request.deadlineMs);
	const signal = request.signal === undefined ? deadline : AbortSignal.any([request.signal, deadline]);
	try {
		const response = await request.fetch(request.url, {
			method: 'POST',
			headers: request.headers,
			body: JSON.stringify(request.body ?? {}),
			redirect: 'manual', // A followed 301/302 turns the POST into a GET and ends in a confusing 404.
			signal,
		});
		const text = await readCapped(response, maxBytes);
		if (text === tooLarge) {
			const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${maxBytes} bytes`;
			return {ok: false, error: {kind: 'bad-shape', detail: `answer larger than ${limit}`}};
		}

		return {
			ok: true,
			value: {
				status: response.status, text, location: response.headers.get('location') ?? '', retryAfter: response.headers.get('retry-after') ?? '',
			},
		};
	} catch (error) {
		return {
			ok: false,
			error: classifyFetchError(error, {
				uri: request.displayUri,
				timedOut: deadline.aborted,
				afterMs: request.timeoutMs ?? request.deadlineMs,
				aborted: request.signal?.aborted ?? false,
			}),
		};
	}
};
