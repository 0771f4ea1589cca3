/**
Every way a request can go wrong, as a value. Nothing the server sends makes the client throw.
`describeError` (api/errors.ts) turns each into one line a person can act on.
*/
export type ApiError
	= | {readonly kind: 'unreachable'; readonly detail: string} // Refused, reset, DNS
		| TlsFailure // A certificate or handshake problem: cannot heal by retrying
		| {readonly kind: 'proxy'; readonly detail: string} // The proxy could not be reached, or would not connect us
		| {readonly kind: 'timeout'; readonly afterMs: number}
		| {readonly kind: 'aborted'}
		// HTTP 401, or (`inEnvelope`) an HTTP 200 envelope with a credentials code, 1800 or 1400 (api/envelope-error.ts)
		// `source`: where the credential came from (`--user`, `MILVUS_TOKEN`, …), for the hint; '' when none was sent.
		// `credential`: what was refused and where it came from, when the client knows (Zilliz Cloud's API key).
		| {readonly kind: 'unauthorized'; readonly code: number | undefined; readonly message: string; readonly inEnvelope?: boolean; readonly source?: string; readonly credential?: Credential}
		// HTTP 403, or (`inEnvelope`) an HTTP 200 envelope with code 1401
		| {readonly kind: 'forbidden'; readonly code: number | undefined; readonly message: string; readonly inEnvelope?: boolean}
		| {readonly kind: 'not-supported'; readonly endpoint: string} // HTTP 404: route not on this server version
		// Any other non-2xx; `retryAfterMs`: the server's Retry-After (429, 503), when it sent one
		| {readonly kind: 'http'; readonly status: number; readonly message: string; readonly retryAfterMs?: number}
		| {readonly kind: 'not-json'; readonly status: number; readonly title: string; readonly retryAfterMs?: number} // A proxy's HTML page, etc.
		| {readonly kind: 'bad-shape'; readonly detail: string} // JSON, but not what Milvus sends
		| {readonly kind: 'milvus'; readonly code: number; readonly message: string} // Milvus error envelope (HTTP 200)
		// A cluster/project the server does not know: a usage error (exit 2), never retried. `id` is the user's own text.
		| {readonly kind: 'unknown-target'; readonly what: string; readonly id: string; readonly flag: string; readonly code: number; readonly message: string}
		// Several contexts: a job id (`context/id`) of no context this session watches; nothing was sent, and asking again cannot help.
		| {readonly kind: 'unknown-context'; readonly jobId: string};

/** A refused credential, named for the message: `API key` from `MILVUS_TOKEN`. Never the secret itself. */
export type Credential = {readonly what: string; readonly source: string};

export type Result<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: ApiError};

/** What is wrong with a TLS connection (api/tls-errors.ts reads it from Node's error codes). */
export type TlsProblem
	= | 'untrusted' // Signed by a CA we do not trust
		| 'self-signed'
		| 'name-mismatch'
		| 'expired'
		| 'not-yet-valid'
		| 'client-cert-required'
		| 'client-cert-refused'
		| 'not-tls' // https:// to a port that speaks plain HTTP
		| 'tls-port' // http:// to a port that speaks TLS
		| 'handshake'; // Any other TLS failure

export type TlsFailure = {readonly kind: 'tls'; readonly problem: TlsProblem; readonly detail: string};
