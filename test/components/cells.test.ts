import {describe, expect, test} from 'vitest';
import {fit, truncate, width} from '../../source/components/cells.js';
import {layoutColumns} from '../../source/components/columns.js';
import {formatBytes, formatDuration} from '../../source/components/format.js';

describe('cells', () => {
	test('truncate counts terminal cells, not code units', () => {
		expect(truncate('books', 10)).toBe('books');
		expect(truncate('collection_name', 8)).toBe('collect…');
		expect(truncate('书籍收藏集合', 7)).toBe('书籍收…');
		expect(width(truncate('书籍收藏集合', 6))).toBeLessThanOrEqual(6);
		expect(truncate('anything', 0)).toBe('');
		expect(truncate('abc', 2, '~')).toBe('a~');
	});

	test('fit pads to exactly the width', () => {
		expect(fit('ab', 4)).toBe('ab  ');
		expect(fit('ab', 4, 'right')).toBe('  ab');
		expect(width(fit('书籍收藏', 5))).toBe(5);
	});
});

describe('columns', () => {
	const content = {jobId: 18, collection: 12};
	const sum = (columns: ReturnType<typeof layoutColumns>) => 2 + columns.reduce((total, column) => total + column.width + 1, 0) - 1;

	test('never wider than the terminal', () => {
		for (let total = 64; total <= 300; total++) {
			expect(sum(layoutColumns(total, content))).toBeLessThanOrEqual(total);
		}
	});

	test('drops age, then hint, then reason when narrow', () => {
		expect(layoutColumns(64, content).map(column => column.id)).toEqual(['state', 'jobId', 'collection', 'progress']);
		expect(layoutColumns(84, content).map(column => column.id)).toEqual(['state', 'jobId', 'collection', 'progress', 'hint', 'reason']);
		expect(layoutColumns(100, content).map(column => column.id)).toEqual(['state', 'jobId', 'collection', 'progress', 'hint', 'age', 'reason']);
	});
});

describe('format', () => {
	test.each([[0, '0s'], [59_999, '59s'], [61_000, '1m01s'], [3_600_000, '1h00m'], [90_000_000, '1d01h'], [-5, '0s']])('%i ms → %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});

	test('bytes', () => {
		expect([formatBytes(512), formatBytes(2048), formatBytes(undefined)]).toEqual(['512 B', '2.0 KiB', '?']);
	});
});
