import {describe, expect, test} from 'vitest';
import fc from 'fast-check';
import {
	fit, truncate, truncateMiddle, width,
} from '../../source/render/cells.js';
import {layoutColumns} from '../../source/render/columns.js';
import {
	formatAge, formatBoundAge, formatBytes, formatDuration, formatEta,
} from '../../source/render/format.js';
import {inStateText} from '../../source/render/row-texts.js';

describe('cells', () => {
	test('truncate counts terminal cells, not code units', () => {
		expect(truncate('books', 10)).toBe('books');
		expect(truncate('collection_name', 8)).toBe('collect…');
		expect(truncate('书籍收藏集合', 7)).toBe('书籍收…');
		expect(width(truncate('书籍收藏集合', 6))).toBeLessThanOrEqual(6);
		expect(truncate('anything', 0)).toBe('');
		expect(truncate('abc', 2, '~')).toBe('a~');
	});

	test('truncateMiddle keeps both ends, the end larger: files of one folder stay apart', () => {
		const first = truncateMiddle('[s3://bucket/clicks/852ce8/part-00017.parquet]', 24);
		const second = truncateMiddle('[s3://bucket/clicks/852ce8/part-00018.parquet]', 24);
		expect(first).toBe('[s3://buc…00017.parquet]');
		expect(second).not.toBe(first);
		expect(truncateMiddle('short.json', 24)).toBe('short.json');
		expect(truncateMiddle('书籍收藏集合书籍收藏集合.json', 12)).toBe('书籍…合.json');
		expect(truncateMiddle('abcdef', 2)).toBe('a…');
	});

	test('truncateMiddle never exceeds the width and never splits a character', () => {
		const text = fc.array(fc.constantFrom('a', '/', '.', '书', '👍', 'é', 'e\u0301'), {maxLength: 40}).map(parts => parts.join(''));
		fc.assert(fc.property(text, fc.integer({min: 0, max: 30}), (value, max) => {
			const cut = truncateMiddle(value, max);
			expect(width(cut)).toBeLessThanOrEqual(max);
			if (width(value) <= max) {
				expect(cut).toBe(value);
			} else if (max >= 3) {
				const [head = '', tail = ''] = cut.split('…');
				expect(cut).toContain('…');
				expect(value.startsWith(head) && value.endsWith(tail)).toBe(true);
			}
		}));
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

	test('ages that tick without a poll change in steps: ten seconds under a minute, then minutes (a row changes 6 times in its first minute, not 60)', () => {
		const seconds = Array.from({length: 60}, (_, second) => formatAge(second * 1000));
		expect(new Set(seconds)).toEqual(new Set(['0s', '10s', '20s', '30s', '40s', '50s']));
		expect([formatAge(42_000), formatAge(185_000), formatAge(3_725_000)]).toEqual(['40s', '3m', '1h02m']);
	});

	test('a lower bound (a job there before the app looked) moves by the minute only: it counts the app\'s watching, not news about the job', () => {
		const firstMinute = Array.from({length: 60}, (_, second) => formatBoundAge(second * 1000));
		expect(new Set(firstMinute)).toEqual(new Set(['0s']));
		expect([60_000, 185_000, 3_725_000, -5].map(ms => formatBoundAge(ms))).toEqual(['1m', '3m', '1h02m', '0s']);
		const times = {
			stateSince: 1_000_000, lastChange: 1_000_000, stallAt: undefined, hint: '',
		};
		expect([5000, 42_000, 185_000].map(after => inStateText({...times, sinceExact: false}, times.stateSince + after))).toEqual(['≥0s', '≥0s', '≥3m']);
		expect([5000, 42_000, 185_000].map(after => inStateText({...times, sinceExact: true}, times.stateSince + after))).toEqual(['0s', '40s', '3m']);
	});

	test('an ETA rounds up in the same steps: a few seconds left is never "0s", which would say it is done', () => {
		expect([0, 1, 8000, 10_000, 10_001, 55_000, 59_500, 60_000, 185_000, 3_599_000, 3_725_000].map(ms => formatEta(ms)))
			.toEqual(['0s', '10s', '10s', '10s', '20s', '1m', '1m', '1m', '4m', '1h00m', '1h03m']);
		expect(formatEta(-5)).toBe('0s');
	});

	test('bytes', () => {
		expect([formatBytes(512), formatBytes(2048), formatBytes(undefined)]).toEqual(['512 B', '2.0 KiB', '?']);
	});
});
