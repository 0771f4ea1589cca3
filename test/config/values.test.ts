import {describe, expect, test} from 'vitest';
import {
	asciiFromEnv, colorFromEnv, parseCount, parseSeconds, parseSort, parseStates,
} from '../../source/config/values.js';

describe('parseSeconds', () => {
	test.each([
		['2', 2000],
		['0.5', 500],
		['.75', 750],
		['1.5s', 1500],
		['0.1', 500], // Floor.
		['0.4999', 500],
		['1e3', 1_000_000],
		['2147483.647', 2_147_483_647], // The longest a Node.js timer holds.
	])('%s → %d ms', (raw, ms) => {
		expect(parseSeconds('interval', raw, 0.5)).toEqual({ok: true, value: ms});
	});

	test.each(['-1', '0', 'abc', '', 'Infinity', '2m'])('rejects %j with the flag name', raw => {
		const result = parseSeconds('interval', raw, 0.5);
		expect(result).toEqual({ok: false, message: expect.stringContaining('--interval must be a positive number') as unknown});
	});

	test.each(['2147484', '1e10', '1e400'])('%j: more than a timer holds is refused, saying so (issue 10: it overflowed into a poll storm)', raw => {
		const result = parseSeconds('interval', raw, 0.5);
		expect(result).toEqual({ok: false, message: expect.stringContaining('--interval must be at most 2147483 seconds') as unknown});
	});
});

test('parseCount', () => {
	expect(parseCount('retries', '0', 10)).toEqual({ok: true, value: 0});
	expect(parseCount('retries', '10', 10)).toEqual({ok: true, value: 10});
	expect(parseCount('retries', '11', 10).ok).toBe(false);
	expect(parseCount('retries', '-1', 10).ok).toBe(false);
	expect(parseCount('retries', '1.5', 10).ok).toBe(false);
});

describe('parseStates', () => {
	test('case-insensitive, comma-separated, repeatable, deduplicated, canonical spelling', () => {
		expect(parseStates(['failed,IMPORTING', 'Pending', 'failed', ' '])).toEqual({ok: true, value: ['Failed', 'Importing', 'Pending']});
	});

	test('a typo is an error naming the known states', () => {
		const result = parseStates(['faild']);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.message).toMatch(/"faild".*Completed/v);
	});
});

describe('parseSort', () => {
	test.each([
		['progress', {column: 'progress', reverse: false}],
		['-progress', {column: 'progress', reverse: true}],
		['progress:desc', {column: 'progress', reverse: true}],
		['progress:asc', {column: 'progress', reverse: false}],
		['-age:desc', {column: 'age', reverse: false}],
		['id', {column: 'jobId', reverse: false}],
		['JobId', {column: 'jobId', reverse: false}],
		['collection', {column: 'collection', reverse: false}],
	])('%s', (raw, spec) => {
		expect(parseSort(raw)).toEqual({ok: true, value: spec});
	});

	test('unknown column', () => {
		expect(parseSort('size').ok).toBe(false);
	});
});

describe('terminal capabilities', () => {
	test.each([
		[undefined, {}, true],
		[false, {}, false],
		[true, {NO_COLOR: '1'}, false],
		[undefined, {NO_COLOR: ''}, true], // https://no-color.org: only a non-empty value counts.
		[undefined, {TERM: 'dumb'}, false],
		[undefined, {TERM: 'xterm-256color'}, true],
	])('color flag %s env %j → %s', (flag, env, expected) => {
		expect(colorFromEnv(flag, env)).toBe(expected);
	});

	test.each([
		[undefined, {LANG: 'en_US.UTF-8'}, 'linux', false],
		[undefined, {LANG: 'en_US.utf8'}, 'linux', false],
		[true, {LANG: 'en_US.UTF-8'}, 'linux', true],
		[undefined, {LANG: 'C'}, 'linux', true],
		[undefined, {LANG: 'en_US.UTF-8', LC_ALL: 'C'}, 'linux', true], // LC_ALL wins.
		[undefined, {LANG: 'C', LC_CTYPE: 'C.UTF-8'}, 'linux', false], // LC_CTYPE beats LANG.
		[undefined, {LC_ALL: '', LANG: 'de_DE.UTF-8'}, 'linux', false], // Empty means unset.
		[undefined, {}, 'linux', true],
		[undefined, {}, 'win32', false],
	])('ascii flag %s env %j on %s → %s', (flag, env, platform, expected) => {
		expect(asciiFromEnv(flag, env, platform)).toBe(expected);
	});
});
