/** What yargs hands back (only the keys we read). Repeated scalar flags arrive as arrays: the last one wins. */
export type RawFlags = Readonly<Record<string, unknown>> & {readonly _: ReadonlyArray<string | number>};

const scalar = (value: unknown): string | undefined => {
	if (typeof value === 'string') {
		return value;
	}

	return typeof value === 'number' ? String(value) : undefined;
};

export const text = (flags: RawFlags, key: string): string | undefined => {
	const value = flags[key];
	return scalar(Array.isArray(value) ? (value as unknown[]).at(-1) : value);
};

/** Repeatable and comma-separated: `--collection a --collection b,c` → a, b, c. */
export const list = (flags: RawFlags, key: string): string[] => {
	const value = flags[key];
	const values = Array.isArray(value) ? (value as unknown[]) : [value];
	return values
		.map(item => scalar(item))
		.filter(item => item !== undefined)
		.flatMap(item => item.split(','))
		.map(item => item.trim())
		.filter(item => item !== '');
};

/**
Whether a repeatable flag was given with no value or an empty one (`--state` at the end, `--job ""` from
an unset `$JOB_ID`): dropping it silently would widen what the flag narrows (wait for every job instead of one).
*/
export const givenEmpty = (flags: RawFlags, key: string): boolean => {
	const value = flags[key];
	if (value === undefined) {
		return false;
	}

	const values = Array.isArray(value) ? (value as unknown[]) : [value];
	return values.length === 0 || values.some(item => typeof item === 'string' && item.trim() === '');
};

export const bool = (flags: RawFlags, key: string): boolean | undefined => {
	const value = flags[key];
	return typeof value === 'boolean' ? value : undefined;
};

export const nonEmpty = (value: string | undefined): string | undefined => value === undefined || value.trim() === '' ? undefined : value.trim();
