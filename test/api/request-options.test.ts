import {describe, expect, test} from 'vitest';
import {
	displayUri, makeRedactor, requestHeaders, timing,
} from '../../source/api/request-options.js';
import {titleOf} from '../../source/api/response.js';

describe('timing', () => {
	test.each([
		[30_000, 30, 32_000],
		[5000, 5, 5500],
		[2500, 3, 3250],
		[100, 1, 1200],
		[Number.NaN, 30, 32_000],
		[-1, 30, 32_000],
	])('%d ms → Request-Timeout %d s, client deadline %d ms', (timeoutMs, seconds, deadlineMs) => {
		expect(timing(timeoutMs)).toEqual({requestTimeoutSeconds: seconds, deadlineMs});
	});
});

describe('requestHeaders', () => {
	test('token and database only when given', () => {
		expect(requestHeaders({token: undefined, dbName: undefined, requestTimeoutSeconds: 5})).toEqual({
			'Content-Type': 'application/json', Accept: 'application/json', 'Request-Timeout': '5',
		});
		expect(requestHeaders({token: 'key', dbName: 'db1', requestTimeoutSeconds: 5})).toMatchObject({Authorization: 'Bearer key', 'DB-Name': 'db1'});
		expect(requestHeaders({token: '', dbName: '', requestTimeoutSeconds: 5})).not.toHaveProperty('Authorization');
	});
});

describe('makeRedactor', () => {
	test('removes the token and the password part', () => {
		const redact = makeRedactor('root:Milvus123');
		expect(redact('deny to root:Milvus123; password Milvus123')).toBe('deny to ***; password ***');
		expect(makeRedactor('u:abc')('u:abc abc')).toBe('*** abc'); // Too short to hunt for alone.
		expect(makeRedactor(undefined)('text')).toBe('text');
	});
});

describe('displayUri', () => {
	test.each([
		['http://root:pw@localhost:19530/', 'http://localhost:19530'],
		['https://milvus.example.com/prefix', 'https://milvus.example.com/prefix'],
		['user:pw@garbage\u001B[2J', 'garbage'],
		['root:secret@localhost:19530', 'localhost:19530'],
		['ftp://u:p@host/x', 'ftp://host/x'],
	])('%s → %s', (input, expected) => {
		expect(displayUri(input)).toBe(expected);
	});
});

describe('titleOf', () => {
	test.each([
		['<html><head><TITLE>503 Service\nTemporarily Unavailable</TITLE></head></html>', '503 Service Temporarily Unavailable'],
		['<title>\u001B]0;pwn\u0007Bad Gateway</title>', 'Bad Gateway'],
		['<!DOCTYPE html><body>no title</body>', ''],
		['upstream connect error or disconnect/reset before headers\nmore', 'upstream connect error or disconnect/reset before headers'],
		['x'.repeat(500), `${'x'.repeat(119)}…`],
	])('%j', (body, title) => {
		expect(titleOf(body)).toBe(title);
	});
});
