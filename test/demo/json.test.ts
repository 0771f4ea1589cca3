import {expect, test} from 'vitest';
import {toJson} from '../../source/demo/json.js';
import {parseJson} from './helpers.js';

test('bigint is written as a bare number beyond 2^53, keys sorted, undefined members dropped', () => {
	const text = toJson({message: '', data: {collectionID: 454_891_732_190_001_101n, name: 'x', reason: undefined}, code: 0});
	expect(text).toBe('{"code":0,"data":{"collectionID":454891732190001101,"name":"x"},"message":""}');
	// A client reading it with JSON.parse loses precision, which is the point (§8.4).
	expect(String(parseJson<{data: {collectionID: number}}>(text).data.collectionID)).not.toBe('454891732190001101');
});

test('strings are escaped; arrays, null, booleans and non-finite numbers', () => {
	expect(toJson(['a"b\n', null, true, Number.NaN, [1.5]])).toBe('["a\\"b\\n",null,true,null,[1.5]]');
	expect(JSON.parse(toJson({s: '\u0000\u001B[31m'}))).toEqual({s: '\u0000\u001B[31m'});
});
