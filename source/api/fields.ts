/**
Lenient readers for single fields of an untrusted JSON object. None of them throws; each returns
a safe value or `undefined` so the caller decides what "missing" means.
*/

export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
`object[key]`, else the first own key equal to it ignoring case: Milvus matches JSON keys
case-insensitively, and pre-GA 2.4 builds sent `jobID` (milvus-io/milvus#31227, renamed in #31192).
*/
export const field = (object: JsonObject, key: string): unknown => {
	// Direct read first (the hot path): our keys are never Object.prototype members, and JSON.parse makes `__proto__` an own key.
	const value = object[key];
	if (value !== undefined) {
		return value;
	}

	const lower = key.toLowerCase();
	for (const name in object) {
		if (name.length === key.length && name !== key && name.toLowerCase() === lower) {
			return object[name];
		}
	}

	return undefined;
};

const numericText = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?\s*$/v;

/** A finite number from a JSON number or a numeric string (`"47"`); anything else is undefined. */
export const toNumber = (value: unknown): number | undefined => {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : undefined;
	}

	if (typeof value === 'string' && value.length < 64 && numericText.test(value)) {
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	}

	return undefined;
};

/** Progress as an integer 0–100 (Milvus truncates, so do we), or undefined: never invented. */
export const toProgress = (value: unknown): number | undefined => {
	const number = toNumber(value);
	return number === undefined ? undefined : Math.trunc(Math.min(100, Math.max(0, number)));
};

/** Row counts and byte sizes: non-negative integers, or undefined. */
export const toCount = (value: unknown): number | undefined => {
	const number = toNumber(value);
	return number === undefined || number < 0 ? undefined : Math.trunc(number);
};
