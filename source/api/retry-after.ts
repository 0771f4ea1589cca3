/**
`Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Capped at a minute so a hostile
server cannot park the client; `fallback` when absent or unreadable.
*/
const maxMs = 60_000;

export const retryAfterMs = (header: string, fallback: number, now: number = Date.now()): number => {
	const text = header.trim();
	if (text === '') {
		return fallback;
	}

	if (/^\d+$/v.test(text)) {
		return Math.min(maxMs, Number(text) * 1000);
	}

	const at = Date.parse(text);
	return Number.isNaN(at) ? fallback : Math.min(maxMs, Math.max(0, at - now));
};
