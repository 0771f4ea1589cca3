import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {compareJobIds} from '../../source/model/select/compare.js';
import {idSortKey} from '../../source/model/select/sort.js';

const sign = (n: number): number => Math.sign(n) || 0;

describe('compareJobIds', () => {
	test.each([
		['9', '10', -1],
		['10', '9', 1],
		['454891732197474512', '454891732197474601', -1],
		// Differ only beyond 2^53: Number would call them equal.
		['9007199254740993', '9007199254740992', 1],
		['007', '8', -1],
		['007', '7', 1],
		['07', '007', -1],
		['7', '7', 0],
		['job-b', 'job-a', 1],
		['123', 'job-a', -1],
		['job-a', '123', 1],
	])('%s vs %s → %i', (a, b, expected) => {
		expect(sign(compareJobIds(a, b))).toBe(expected);
	});

	test('all-digit ids order like BigInt', () => {
		fc.assert(fc.property(fc.bigInt({min: 0n, max: (2n ** 64n) - 1n}), fc.bigInt({min: 0n, max: (2n ** 64n) - 1n}), (a, b) => {
			const expected = a < b ? -1 : (a > b ? 1 : 0);
			expect(sign(compareJobIds(String(a), String(b)))).toBe(expected);
		}));
	});

	test('is a total order on mixed ids (antisymmetric, transitive)', () => {
		const id = fc.oneof(
			fc.integer({min: 0, max: 120}).map(String),
			fc.constantFrom('0', '00', '007', '1x', '9a', 'job-a', 'job-b', 'a', ''),
		);
		fc.assert(fc.property(id, id, id, (a, b, c) => {
			expect(sign(compareJobIds(a, b))).toBe(-sign(compareJobIds(b, a)) || 0);
			if (compareJobIds(a, b) <= 0 && compareJobIds(b, c) <= 0) {
				expect(compareJobIds(a, c)).toBeLessThanOrEqual(0);
			}
		}), {numRuns: 5000});
	});
});

describe('idSortKey', () => {
	test('plain string order of the keys is compareJobIds order', () => {
		const id = fc.oneof(
			fc.bigInt({min: 0n, max: (2n ** 64n) - 1n}).map(String),
			fc.integer({min: 0, max: 120}).map(String),
			fc.constantFrom('0', '00', '007', '1x', '9a', 'job-a', 'job-b', 'a', '', '\u0000'),
			fc.string({maxLength: 6}),
		);
		fc.assert(fc.property(id, id, (a, b) => {
			const x = idSortKey(a);
			const y = idSortKey(b);
			expect(sign(x < y ? -1 : (x > y ? 1 : 0))).toBe(sign(compareJobIds(a, b)));
		}), {numRuns: 5000});
	});
});
