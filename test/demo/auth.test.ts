import {Buffer} from 'node:buffer';
import {describe, expect, test} from 'vitest';
import {
	isAuthorized, parseAuthorization, parseCredentials, unauthenticated,
} from '../../source/demo/auth.js';

const root = {user: 'root', password: 'Milvus:with:colons'};
const basic = (text: string): string => `Basic ${Buffer.from(text).toString('base64')}`;

describe('auth (§1.4)', () => {
	test('Bearer user:password splits at the first colon; Basic is decoded', () => {
		expect(parseAuthorization('Bearer root:Milvus:with:colons')).toEqual(root);
		expect(parseAuthorization(basic('root:Milvus:with:colons'))).toEqual(root);
		expect(parseAuthorization('bearer  a:b')).toEqual({user: 'a', password: 'b'});
	});

	test('an API key (no colon), another scheme or nothing is no credential', () => {
		expect(parseAuthorization('Bearer sk-123')).toBeUndefined();
		expect(parseAuthorization('Token a:b')).toBeUndefined();
		expect(parseAuthorization(undefined)).toBeUndefined();
		expect(parseAuthorization('Bearer')).toBeUndefined();
	});

	test.each([
		['Bearer root:Milvus:with:colons', true],
		[basic('root:Milvus:with:colons'), true],
		['Bearer root:wrong', false],
		['Bearer admin:Milvus:with:colons', false],
		['Bearer sk-apikey', false],
		[undefined, false],
		['', false],
	])('auth on: %s → %s', (header, expected) => {
		expect(isAuthorized(root, header)).toBe(expected);
	});

	test('auth off: any header or none passes', () => {
		for (const header of [undefined, '', 'Bearer x', 'garbage']) {
			expect(isAuthorized(undefined, header)).toBe(true);
		}
	});

	test('the 401 body', () => {
		expect(unauthenticated).toEqual({code: 1800, message: 'user hasn\'t authenticated'});
	});

	test('parseCredentials for --auth', () => {
		expect(parseCredentials('root:Milvus')).toEqual({user: 'root', password: 'Milvus'});
		expect(parseCredentials('root:')).toEqual({user: 'root', password: ''});
		expect(parseCredentials('root')).toBeUndefined();
		expect(parseCredentials(':pw')).toBeUndefined();
	});
});
