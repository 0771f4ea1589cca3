/**
`Retry-After` (RFC 9110 §10.2.3): whole seconds, or an HTTP date. Milliseconds from `now`, or undefined
when absent or unreadable. A date in the past is 0. The caller caps it (api/retry-policy.ts): a server
must not be able to park the monitor for a day.
*/
export const parseRetryAfter = (value: string, now: number): number | undefined => {
	const text = value.trim();
	if (text === '') {
		return undefined;
	}

	if (/^\d{1,10}$/v.test(text)) {
		return Number(text) * 1000;
	}

	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};
