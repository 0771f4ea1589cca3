import {describe, expect, test} from 'vitest';
import {classifyFailure, maxBackoffMs, retryDelay} from '../../source/api/retry-policy.js';
import {parseRetryAfter} from '../../source/api/retry-after.js';
import type {ApiError} from '../../source/api/types.js';

const refused: ApiError = {kind: 'unreachable', detail: 'http://127.0.0.1:19530: connection refused'};
const timeout: ApiError = {kind: 'timeout', afterMs: 10_000};
const unavailable: ApiError = {kind: 'not-json', status: 503, title: 'Service Unavailable'};

describe('retryDelay (README "Recovery")', () => {
	test('nothing listening (refused, reset): always the interval, however long it lasts', () => {
		expect([1, 2, 5, 20].map(struggles => retryDelay(1000, struggles, refused))).toEqual([1000, 1000, 1000, 1000]);
	});

	test('a struggling server (timeouts, 5xx, 429): doubles from the interval up to 30 s, never below the interval', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map(struggles => retryDelay(2000, struggles, timeout))).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
		expect(retryDelay(60_000, 3, unavailable)).toBe(60_000);
		expect(retryDelay(2000, 1, {kind: 'http', status: 429, message: 'slow down'})).toBe(4000);
	});

	test('Retry-After wins when longer, capped at 30 s', () => {
		expect(retryDelay(1000, 1, {...unavailable, retryAfterMs: 7000})).toBe(7000);
		expect(retryDelay(1000, 1, {...unavailable, retryAfterMs: 86_400_000})).toBe(maxBackoffMs);
		expect(retryDelay(1000, 3, {...unavailable, retryAfterMs: 1000})).toBe(8000);
	});

	test('classes', () => {
		expect(classifyFailure(refused)).toBe('down');
		expect(classifyFailure({kind: 'milvus', code: 100, message: 'collection not found'})).toBe('hopeless');
		expect(classifyFailure({kind: 'milvus', code: 800, message: 'database not found'})).toBe('hopeless');
		expect(classifyFailure({kind: 'unauthorized', code: 1800, message: ''})).toBe('hopeless');
		expect(classifyFailure({kind: 'http', status: 400, message: ''})).toBe('other');
	});
});

describe('parseRetryAfter', () => {
	test('seconds, an HTTP date, or nothing', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('5', now)).toBe(5000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:09 GMT', now)).toBe(9000);
		expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('', now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});
});
