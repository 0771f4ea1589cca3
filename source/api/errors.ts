/**
Every `ApiError` as one line a person can act on, and thrown fetch errors → `ApiError`.
Messages never carry the token: server text is passed through `redact` by the client, and the
thrown-error classifier only uses error codes, never header values.
*/
import type {ApiError} from './types.js';
import {sanitize} from './sanitize.js';
import {tlsFailureOf} from './tls-errors.js';
import {describeTlsFailure} from './tls-messages.js';
import {proxyFailure} from './proxy-errors.js';
import {systemCodes} from './system-codes.js';

/** What to do about the Milvus codes a monitor meets (merr, docs/milvus-rest.md#error-codes). The credential codes are not 'milvus' errors (envelope-error.ts). */
const milvusHints: Readonly<Record<number, string>> = {
	1: 'Milvus is not ready yet',
	2: 'Milvus is unavailable',
	100: 'check --collection',
	800: 'check --db',
	1100: 'the server rejected a parameter',
	1801: 'the server could not read the request (please report this)',
	1802: 'the server could not read the request (please report this)',
	2100: 'import failed on the server',
	2101: 'import failed on the server',
};

/** Endpoints added after 2.4.0, so a 404 there means "too old", not "wrong address". */
const introducedIn: Readonly<Record<string, string>> = {
	'/v2/vectordb/jobs/import/describe': 'Milvus < 2.4.13',
	'/v2/vectordb/databases/list': 'Milvus < 2.5',
};

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
const withMessage = (prefix: string, message: string): string => message === '' ? prefix : `${prefix}: ${sanitize(message, 300)}`;

/** Says what refused: the HTTP status, or the code of an HTTP 200 envelope (the same meaning, envelope-error.ts). */
const refusedBy = (error: {readonly code: number | undefined; readonly inEnvelope?: boolean}, status: number): string =>
	error.inEnvelope === true && error.code !== undefined ? `Milvus code ${error.code}` : `HTTP ${status}`;

/** Points at where the refused credential came from; the one to fix. */
const credentialHint = (source: string | undefined): string => {
	if (source === '') {
		return 'the server needs credentials: give --user, --token-file or MILVUS_TOKEN';
	}

	return `check ${source ?? '--token / MILVUS_TOKEN'}`;
};

export const describeError = (error: ApiError): string => {
	switch (error.kind) {
		case 'unreachable': {
			return `cannot reach ${error.detail} — is Milvus running? check --uri or try --demo`;
		}

		case 'tls': {
			return describeTlsFailure(error);
		}

		case 'proxy': {
			return `${error.detail} — check --proxy / HTTPS_PROXY / HTTP_PROXY, or list the server in NO_PROXY`;
		}

		case 'timeout': {
			return `no answer within ${seconds(error.afterMs)} (timed out) — the server is busy or unreachable; try a larger --timeout`;
		}

		case 'aborted': {
			return 'request cancelled';
		}

		case 'unauthorized': {
			if (error.credential !== undefined) {
				const code = error.code === undefined ? '' : ` (code ${error.code}${error.message === '' ? '' : `: ${sanitize(error.message, 120)}`})`;
				return `${error.credential.what} refused${code} — check the key from ${error.credential.source}`;
			}

			// No Milvus code: the client refused the token itself before sending it.
			return error.code === undefined && error.message !== ''
				? `invalid credentials: ${sanitize(error.message, 200)} — ${credentialHint(error.source)}`
				: `credentials refused (${refusedBy(error, 401)}): ${credentialHint(error.source)}`;
		}

		case 'forbidden': {
			return withMessage(`permission denied (${refusedBy(error, 403)}) — the user needs the import privileges`, error.message);
		}

		case 'not-supported': {
			const old = introducedIn[error.endpoint];
			return old === undefined
				? `this server has no ${error.endpoint} (HTTP 404) — is --uri a Milvus 2.4+ REST address (port 19530)?`
				: `this server has no ${error.endpoint.replace('/v2/vectordb', '')} (${old})`;
		}

		case 'http': {
			return withMessage(`HTTP ${error.status} from the server`, error.message);
		}

		case 'not-json': {
			const title = error.title === '' ? '' : `: '${sanitize(error.title, 120)}'`;
			return error.status >= 200 && error.status < 300
				? `HTTP ${error.status} but the answer is not JSON${title} — is --uri a Milvus REST address?`
				: `HTTP ${error.status} from a proxy, not Milvus${title}`;
		}

		case 'bad-shape': {
			return `unexpected answer, not shaped like Milvus: ${sanitize(error.detail, 200)}`;
		}

		case 'unknown-context': {
			return `job ${sanitize(error.jobId, 120)} belongs to no context of this session (nothing was asked)`;
		}

		case 'unknown-target': {
			const code = withMessage(`code ${error.code}`, error.message);
			return `unknown ${error.what} "${sanitize(error.id, 80)}" (${code}) — check ${error.flag}`;
		}

		case 'milvus': {
			const hint = milvusHints[error.code];
			const line = withMessage(`Milvus error ${error.code}`, error.message);
			return hint === undefined ? line : `${line} — ${hint}`;
		}
	}
};

/** node-fetch puts `code` on the error; undici's fetch puts it on `cause` (or on `cause.errors[]` when every address failed). */
export const findCode = (error: unknown, depth = 0): string | undefined => {
	if (typeof error !== 'object' || error === null || depth > 4) {
		return undefined;
	}

	const {code, cause, errors} = error as {code?: unknown; cause?: unknown; errors?: unknown};
	if (typeof code === 'string' && /^[A-Z][A-Z\d_]{1,40}$/v.test(code)) { // Codes only: a message could quote a header value.
		return code;
	}

	const inner = Array.isArray(errors) ? errors.map(item => findCode(item, depth + 1)).find(Boolean) : undefined;
	return inner ?? findCode(cause, depth + 1);
};

export type FailureContext = {
	/** The server address, without credentials. */
	readonly uri: string;
	/** The client's own deadline fired. */
	readonly timedOut: boolean;
	readonly afterMs: number;
	/** The caller's signal fired. */
	readonly aborted: boolean;
	/** A client certificate was offered (tells "required" from "refused" when the server's alert is vague). */
	readonly sentClientCert?: boolean;
	/** The proxy's label, when requests go through one: then a refused connection is the proxy's. */
	readonly proxy?: string;
};

/** A thrown fetch (or body read) error → ApiError. Which signal fired decides between timeout and abort, whatever the error is called. */
export const classifyFetchError = (error: unknown, context: FailureContext): ApiError => {
	if (context.aborted) {
		return {kind: 'aborted'};
	}

	const name = error instanceof Error ? error.name : '';
	if (context.timedOut || name === 'TimeoutError') {
		return {kind: 'timeout', afterMs: context.afterMs};
	}

	// A signal's abort (a DOMException, no code). undici's own RequestAbortedError is named AbortError too but
	// carries a code (UND_ERR_ABORTED): a proxy that refused the tunnel, classified below.
	if (name === 'AbortError' && findCode(error) === undefined) {
		return {kind: 'aborted'};
	}

	const tls = tlsFailureOf(error, context.sentClientCert ?? false);
	if (tls !== undefined) {
		return tls;
	}

	const code = findCode(error);
	const viaProxy = context.proxy === undefined ? undefined : proxyFailure(error, context.proxy, code);
	if (viaProxy !== undefined) {
		return viaProxy;
	}

	const reason = code === undefined ? 'network error' : (systemCodes[code] ?? code);
	return {kind: 'unreachable', detail: `${context.uri}: ${reason}`};
};
