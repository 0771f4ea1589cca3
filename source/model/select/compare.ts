const digits = /^\d+$/v;

/** Without leading zeros, so that length-then-lexical order is numeric order. */
const stripZeros = (id: string): string => {
	let i = 0;
	while (i < id.length - 1 && id.codePointAt(i) === 48) {
		i++;
	}

	return i === 0 ? id : id.slice(i);
};

const lexical = (a: string, b: string): number => (a < b ? -1 : (a > b ? 1 : 0));

/**
Order of job ids. Milvus ids are decimal int64 strings (~18 digits, beyond 2^53, so never `Number`):
when both are all digits they compare as integers (length first, then digit by digit, which equals
BigInt order without allocating). Zilliz Cloud's `job-…` ids compare as plain strings. In a mix, the
numeric ids come first: comparing a mixed pair as strings would not be transitive (9 < 10 < 1x < 9).
Equal numbers with different spellings (`007` vs `7`): the shorter spelling first, so the order is total.
*/
export function compareJobIds(a: string, b: string): number {
	if (a === b) {
		return 0;
	}

	const aNumeric = digits.test(a);
	const bNumeric = digits.test(b);
	if (aNumeric !== bNumeric) {
		return aNumeric ? -1 : 1;
	}

	if (aNumeric) {
		const x = stripZeros(a);
		const y = stripZeros(b);
		if (x.length !== y.length) {
			return x.length - y.length;
		}

		return lexical(x, y) || a.length - b.length;
	}

	return lexical(a, b);
}
