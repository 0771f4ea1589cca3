/**
One POST with a deadline and a capped body: the only place that calls fetch. Anything thrown
(refused, DNS, reset, abort, timeout) comes back as an ApiError value.
*/
import {Buffer} from 'node:buffer';
import {classifyFetchError, findCode, type FailureContext} from './errors.js';
import type {Fetch, FetchAnswer} from './fetch.js';
import {closedEarlyCodes, type ProbeResult} from './tls-probe.js';
import type {ApiError, Result} from './types.js';
import type {BodySink} from './body-buffer.js';

/** A hostile or broken server must not be able to fill memory; a 100k-job list is ~10 MiB. */
export const maxBodyBytes = 64 * 1024 * 1024;

export type RawResponse = {
	readonly status: number;
	/** The body as text (decoded when first read). */
	readonly text: string;
	/** The body's bytes, when it was read from a stream (list-records.ts reads them without decoding all). */
	readonly bytes?: Uint8Array;
	/** `Location` header of a redirect ('' otherwise). */
	readonly location: string;
	/** `Retry-After` header ('' when absent): how long a struggling server asks us to wait. */
	readonly retryAfter: string;
};

export type PostRequest = {
	readonly fetch: Fetch;
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
	/** How the request travels, for messages: a client certificate was offered; the proxy's label. */
	readonly sentClientCert?: boolean;
	readonly proxy?: string;
	/** A bare TLS handshake to explain a connection the server ended (direct https:// only; tls-probe.ts). */
	readonly probe?: (url: string) => Promise<ProbeResult>;
	/**
	Memory to read the body into, if it can lend some now (body-buffer.ts): a list answer of several MB
	then reuses one allocation instead of a new one per poll. The bytes are good until it is given back.
	*/
	readonly bodyInto?: () => BodySink | undefined;
};

/** A connection ended by the server, on a transport that can probe: ask the handshake why (a TLS 1.3 alert undici did not read). */
const explain = async (request: PostRequest, error: unknown, context: FailureContext): Promise<ApiError> => {
	const classified = classifyFetchError(error, context);
	const code = findCode(error);
	if (request.probe === undefined || classified.kind !== 'unreachable' || code === undefined || !closedEarlyCodes.has(code)) {
		return classified;
	}

	const probed = await request.probe(request.url);
	if (request.url.startsWith('http:')) {
		// Any handshake at all (even a certificate complaint) means TLS is spoken on this port.
		const complaint = probed.kind === 'error' ? classifyFetchError(probed.error, context) : undefined;
		const spoken = probed.kind === 'handshake-ok' || probed.kind === 'closed-after-handshake' || (complaint?.kind === 'tls' && complaint.problem !== 'not-tls');
		return spoken ? {kind: 'tls', problem: 'tls-port', detail: ''} : classified;
	}

	switch (probed.kind) {
		case 'error': {
			const reason = classifyFetchError(probed.error, context);
			return reason.kind === 'tls' ? reason : classified;
		}

		case 'closed-after-handshake': {
			return {kind: 'tls', problem: context.sentClientCert === true ? 'client-cert-refused' : 'client-cert-required', detail: 'closed'};
		}

		case 'handshake-ok':
		case 'nothing': {
			return classified;
		}
	}
};

const tooLarge = Symbol('too large');

const readCapped = async (response: FetchAnswer, maxBytes: number, into?: () => BodySink | undefined): Promise<string | Uint8Array | typeof tooLarge> => {
	if (Number(response.headers.get('content-length')) > maxBytes) {
		return tooLarge;
	}

	const {body} = response;
	if (typeof body !== 'object' || body === null || !(Symbol.asyncIterator in body)) {
		return response.text(); // No stream to count (an injected fetch): trust it.
	}

	// A Node stream (undici's request, fetch.ts) is an async iterable; so is a web ReadableStream (an injected fetch).
	const sink = into?.();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body as AsyncIterable<Uint8Array | string>) { // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- checked just above
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += bytes.byteLength;
		if (size > maxBytes) {
			return tooLarge; // Leaving the loop cancels the stream.
		}

		if (sink === undefined) {
			chunks.push(bytes);
		} else {
			sink.append(bytes);
		}
	}

	return sink === undefined ? Buffer.concat(chunks) : sink.bytes();
};

/** The answer, its text decoded only when something reads it. */
const rawResponse = (status: number, body: string | Uint8Array, headers: FetchAnswer['headers']): RawResponse => {
	let text = typeof body === 'string' ? body : undefined;
	return {
		status,
		get text() {
			text ??= new TextDecoder().decode(body as Uint8Array); // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- a string was kept above
			return text;
		},
		bytes: typeof body === 'string' ? undefined : body,
		location: headers.get('location') ?? '',
		retryAfter: headers.get('retry-after') ?? '',
	};
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
		const body = await readCapped(response, maxBytes, request.bodyInto);
		if (body === tooLarge) {
			const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${maxBytes} bytes`;
			return {ok: false, error: {kind: 'bad-shape', detail: `answer larger than ${limit}`}};
		}

		return {ok: true, value: rawResponse(response.status, body, response.headers)};
	} catch (error) {
		const context: FailureContext = {
			uri: request.displayUri,
			timedOut: deadline.aborted,
			afterMs: request.timeoutMs ?? request.deadlineMs,
			aborted: request.signal?.aborted ?? false,
			sentClientCert: request.sentClientCert,
			proxy: request.proxy,
		};
		return {ok: false, error: await explain(request, error, context)};
	}
};
