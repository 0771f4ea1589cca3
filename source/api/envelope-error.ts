/**
A Milvus error envelope (`{"code": N, "message": …}`) → ApiError. Milvus itself sends the credential
codes with HTTP 401 (docs/milvus-rest.md#http-status), but some proxies and versions wrap them in an
HTTP 200 envelope. Their meaning does not change with the status, so neither does the ApiError:
refused credentials stop the script modes (exit 3, no retries) and read "check --token" everywhere.
*/
import type {ApiError} from './types.js';

/** merr codes (docs/milvus-rest.md#error-codes): 1800 NeedAuthenticate `user hasn't authenticated` (the REST proxy's), 1400 PrivilegeNotAuthenticated `not authenticated` (the gRPC path's). */
const credentialCodes: ReadonlySet<number> = new Set([1400, 1800]);

/** 1401 PrivilegeNotPermitted: what HTTP 403 means (authenticated, lacking a privilege). */
const privilegeCodes: ReadonlySet<number> = new Set([1401]);

export const envelopeError = (code: number, message: string): ApiError => {
	if (credentialCodes.has(code)) {
		return {
			kind: 'unauthorized', code, message, inEnvelope: true,
		};
	}

	if (privilegeCodes.has(code)) {
		return {
			kind: 'forbidden', code, message, inEnvelope: true,
		};
	}

	return {kind: 'milvus', code, message};
};
