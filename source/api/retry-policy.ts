import type {ApiError} from './types.js';

/**
What a failed request says about the server, and so what to do next (README "Recovery"):
- `down`: refused, reset, no route: nothing is listening. Polling at the interval costs nothing and
  notices the server the moment it is back, so no backoff.
- `struggling`: alive but overloaded (HTTP 5xx, 429, a timeout): back off, honour `Retry-After`.
- `hopeless`: retrying cannot help: refused credentials, a TLS failure, an unknown collection (Milvus 100) or database
  (800), an unknown Zilliz cluster or project. The script modes and --wait stop at once.
- `other`: anything else (a proxy page, an old server, a bad answer): retried at the interval.
*/
export type FailureClass = 'down' | 'struggling' | 'hopeless' | 'other';

/** Milvus' "collection not found" and "database not found" (merr). */
export const unknownScopeCodes: ReadonlySet<number> = new Set([100, 800]);

export const classifyFailure = (error: ApiError): FailureClass => {
	switch (error.kind) {
		case 'unreachable':
		case 'proxy': {
			return 'down';
		}

		case 'timeout': {
			return 'struggling';
		}

		case 'http':
		case 'not-json': {
			return error.status === 429 || error.status >= 500 ? 'struggling' : 'other';
		}

		case 'unauthorized':
		case 'forbidden':
		case 'unknown-target':
		case 'unknown-context':
		case 'tls': { // A certificate problem does not heal by waiting.
			return 'hopeless';
		}

		case 'milvus': {
			return unknownScopeCodes.has(error.code) ? 'hopeless' : 'other';
		}

		case 'aborted':
		case 'not-supported':
		case 'bad-shape': {
			return 'other';
		}
	}
};

/** A --collection or --db the server does not have, or a Zilliz cluster/project: a user error (exit 2), not an unusable server. */
export const isUnknownScope = (error: ApiError): boolean =>
	(error.kind === 'milvus' && unknownScopeCodes.has(error.code)) || error.kind === 'unknown-target';

/** Longest wait between tries while the server keeps struggling; also the most of a Retry-After we honour. */
export const maxBackoffMs = 30_000;

/**
The wait before the next try, after `struggles` failures in a row of the struggling kind (0: none, or
the last failure was of another kind). While struggling it doubles from the interval (2×, 4×…) up to
30 s, never below the interval; a Retry-After wins when longer, up to the same cap.
*/
export const retryDelay = (intervalMs: number, struggles: number, error: ApiError | undefined): number => {
	if (error === undefined || struggles <= 0 || classifyFailure(error) !== 'struggling') {
		return intervalMs;
	}

	const doubled = intervalMs * (2 ** Math.min(struggles, 16));
	const asked = 'retryAfterMs' in error ? (error.retryAfterMs ?? 0) : 0;
	return Math.max(intervalMs, Math.min(maxBackoffMs, Math.max(doubled, asked)));
};
