import {describe, expect, test} from 'vitest';
import {flavors} from '../../source/demo/flavor.js';
import {parseJson, session} from './helpers.js';

describe('collections and databases (§2.5–§2.7)', () => {
	test('collections/list per database, via body or header; unknown database → 800', () => {
		const s = session();
		expect(s.call('/collections/list')).toEqual({code: 0, data: ['books', 'movies', 'quick_setup']});
		expect(s.call('/collections/list', {dbName: 'analytics'})).toEqual({code: 0, data: ['events', 'clicks']});
		expect(s.call('/collections/list', {}, {dbName: 'staging'})).toEqual({code: 0, data: ['products_v2']});
		expect(s.call('/collections/list', {dbName: 'nodb'})).toEqual({code: 800, message: 'database not found[database=nodb]'});
		expect(session('2.4').call('/collections/list', {dbName: 'nodb'})).toEqual({code: 800, message: 'database not found, database: nodb'});
	});

	test('databases/list (2.5+) ignores dbName but still needs a body', () => {
		const s = session();
		expect(s.call('/databases/list', {dbName: 'whatever'})).toEqual({code: 0, data: ['default', 'analytics', 'staging']});
		expect(s.call('/databases/list', '').code).toBe(1801);
	});

	test('collections/describe: collectionID is a bare number beyond 2^53, message is ""', () => {
		const reply = session().send('/collections/describe', {collectionName: 'books'});
		expect(reply.body).toContain('"collectionID":454891732190001101');
		expect(reply.body).toMatch(/"message":""\}$/v);
		const parsed = parseJson<{code: number; data: {collectionName: string; load: string; fields: unknown[]}}>(reply.body);
		expect(parsed).toMatchObject({code: 0, data: {collectionName: 'books', load: 'LoadStateLoaded'}});
		expect(parsed.data.fields).toHaveLength(2);
	});

	test('collections/describe errors: unknown collection uses "can\'t find", missing name 1802', () => {
		const s = session();
		expect(s.call('/collections/describe', {collectionName: 'nope'})).toEqual({code: 100, message: 'can\'t find collection[database=default][collection=nope]'});
		expect(s.call('/collections/describe', {dbName: 'analytics', collectionName: 'books'}).code).toBe(100);
		expect(s.call('/collections/describe', {}).code).toBe(1802);
	});

	test.each(flavors.map(flavor => [flavor]))('%s: collections answer with the version\'s success code', flavor => {
		expect(session(flavor).call('/collections/list').code).toBe(flavor === '2.4.0' ? 200 : 0);
	});
});
