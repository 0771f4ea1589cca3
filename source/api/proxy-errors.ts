import type {ApiError} from './types.js';
import {systemCodes} from './system-codes.js';

/** Connection failures that, through a proxy, are about the proxy (the server is reached by the proxy, not by us). */
const proxyConnectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** undici's words when the proxy answers CONNECT with anything but 200: the status is the only part we keep. */
const tunnelStatus = (error: unknown, depth = 0): number | undefined => {
	if (typeof error !== 'object' || error === null || depth > 4) {
		return undefined;
	}

	const {message, cause} = error as {message?: unknown; cause?: unknown};
	const match = typeof message === 'string' ? /^Proxy response \((\d{3})\) !== 200/v.exec(message) : null;
	return match === null ? tunnelStatus(cause, depth + 1) : Number(match[1]);
};

export const proxyFailure = (error: unknown, proxy: string, code: string | undefined): ApiError | undefined => {
	const status = tunnelStatus(error);
	if (status !== undefined) {
		const why = status === 407 ? 'wants credentials: give them in the proxy URL, http://user:password@host:port' : 'would not open a tunnel to the server';
		return {kind: 'proxy', detail: `the proxy ${proxy} ${why} (HTTP ${status})`};
	}

	return code !== undefined && proxyConnectCodes.has(code) ? {kind: 'proxy', detail: `cannot reach the proxy ${proxy}: ${systemCodes[code] ?? code}`} : undefined;
};

