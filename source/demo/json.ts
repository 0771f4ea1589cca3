/**
JSON text the way Milvus writes it: keys sorted (gin + sonic), `undefined` members left out, and bigint
written as a bare number, so `collectionID` can exceed 2^53 in the text as it does on a real server.
*/
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const toJson = (value: unknown): string => {
	switch (typeof value) {
		case 'bigint': {
			return value.toString();
		}

		case 'number': {
			return Number.isFinite(value) ? String(value) : 'null';
		}

		case 'string':
		case 'boolean': {
			return JSON.stringify(value);
		}

		case 'object': {
			if (value === null) {
				return 'null';
			}

			if (Array.isArray(value)) {
				return `[${value.map((item: unknown) => toJson(item)).join(',')}]`;
			}

			if (!isRecord(value)) {
				return 'null';
			}

			const entries = Object.entries(value)
				.filter(([, item]) => item !== undefined)
				.toSorted(([a], [b]) => (a < b ? -1 : (a > b ? 1 : 0)));
			return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
		}

		case 'undefined':
		case 'function':
		case 'symbol': {
			return 'null';
		}
	}
};
