import {expect, test} from 'vitest';
import {whereShown, type ContextWhere} from '../../source/render/contexts-where.js';

const staging: ContextWhere = {name: 'staging', dbName: 'analytics', collections: []};
const prod: ContextWhere = {name: 'prod', dbName: undefined, collections: ['books', 'movies']};
const cloud: ContextWhere = {name: 'cloud', dbName: undefined, collections: []};

test('one context shown: its own database and collections', () => {
	expect(whereShown([staging, prod], {context: 'staging'})).toEqual({db: 'analytics', collections: 'all collections'});
	expect(whereShown([staging, prod], {context: 'prod'})).toEqual({db: 'default', collections: 'books, movies'});
});

test('one context shown with a database or collection picked: the picked ones', () => {
	expect(whereShown([staging, prod], {context: 'staging', dbName: 'logs'})).toEqual({db: 'logs', collections: 'all collections'});
	expect(whereShown([staging, prod], {context: 'prod', collectionName: 'movies'})).toEqual({db: 'default', collections: 'movies'});
});

test('all shown: what they share is named, what differs is said to be per context', () => {
	expect(whereShown([staging, prod], {})).toEqual({db: 'per context', collections: 'collections per context'});
	expect(whereShown([prod, cloud], {})).toEqual({db: 'default', collections: 'collections per context'});
	expect(whereShown([staging, cloud], {})).toEqual({db: 'per context', collections: 'all collections'});
	expect(whereShown([staging, {...staging, name: 'eu'}], {})).toEqual({db: 'analytics', collections: 'all collections'});
	expect(whereShown([prod, {...prod, name: 'eu'}], {})).toEqual({db: 'default', collections: 'books, movies'});
});

test('the same collections in another order are not the same list', () => {
	expect(whereShown([prod, {...prod, name: 'eu', collections: ['movies', 'books']}], {}).collections).toBe('collections per context');
});

test('an unknown context shown says nothing it cannot know', () => {
	expect(whereShown([staging], {context: 'gone'})).toEqual({db: 'per context', collections: 'collections per context'});
});
