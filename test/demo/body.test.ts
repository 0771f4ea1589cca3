import {describe, expect, test} from 'vitest';
import {emptyBodyMessage, parseBody} from '../../source/demo/body.js';

const importSchema = {
	struct: 'ImportReq',
	fields: {
		collectionName: {kind: 'string', goName: 'CollectionName', required: true},
		files: {kind: 'files', goName: 'Files', required: true},
		options: {kind: 'options', goName: 'Options'},
	},
} as const;
const jobSchema = {struct: 'JobIDReq', fields: {jobId: {kind: 'string', goName: 'JobID', required: true}}} as const;

describe('parseBody (§1.5)', () => {
	test('an empty body is 1801 with Milvus\' exact message', () => {
		expect(parseBody('', jobSchema)).toEqual({
			ok: false,
			error: {code: 1801, message: 'can only accept json format request, the request body should be nil, however {} is valid'},
		});
		expect(emptyBodyMessage).toContain('however {} is valid');
	});

	test.each([
		['{', 'invalid JSON'],
		['[1]', 'top-level array'],
		['"x"', 'top-level string'],
		['{"jobId": 448761313698322011}', 'numeric jobId'],
		['{"jobId": true}', 'boolean jobId'],
	])('%s (%s) → 1801', text => {
		const result = parseBody(text, jobSchema);
		expect(result.ok).toBe(false);
		expect(result.ok ? undefined : result.error.code).toBe(1801);
		expect(result.ok ? '' : result.error.message).toMatch(/^can only accept json format request, error: /v);
	});

	test('the type error names the struct field like Go does', () => {
		const result = parseBody('{"jobId": 12}', jobSchema);
		expect(result.ok ? '' : result.error.message).toBe('can only accept json format request, error: json: cannot unmarshal number into Go struct field JobIDReq.jobId of type string');
	});

	test.each([
		['{"collectionName":"c","files":"a.parquet"}'],
		['{"collectionName":"c","files":["a.parquet"]}'],
		['{"collectionName":"c","files":[["a.parquet", 1]]}'],
		['{"collectionName":"c","files":[["a.parquet"]],"options":{"timeout":300}}'],
		['{"collectionName":"c","files":[["a.parquet"]],"options":["x"]}'],
		['{"collectionName":5,"files":[["a.parquet"]]}'],
	])('wrong types in create: %s → 1801', text => {
		const result = parseBody(text, importSchema);
		expect(result.ok ? 0 : result.error.code).toBe(1801);
	});

	test.each([
		['{}', 'JobID'],
		['{"jobId": ""}', 'JobID'],
		['{"jobId": null}', 'JobID'],
	])('%s → 1802 for the required field', (text, field) => {
		expect(parseBody(text, jobSchema)).toEqual({
			ok: false,
			error: {code: 1802, message: `missing required parameters, error: Key: 'JobIDReq.${field}' Error:Field validation for '${field}' failed on the 'required' tag`},
		});
	});

	test('create: missing files → 1802 naming ImportReq.Files; null files too', () => {
		for (const text of ['{"collectionName":"c"}', '{"collectionName":"c","files":null}']) {
			const result = parseBody(text, importSchema);
			expect(result.ok ? '' : result.error.message).toContain('\'ImportReq.Files\'');
		}
	});

	test('keys match case-insensitively, the last one wins, unknown keys are ignored', () => {
		expect(parseBody('{"jobID":"1","clusterId":"x","pageSize":10,"extra":{"deep":[1]}}', jobSchema)).toEqual({ok: true, value: {jobId: '1'}});
		expect(parseBody('{"JOBID":"1","jobid":"2"}', jobSchema)).toEqual({ok: true, value: {jobId: '2'}});
	});

	test('empty files arrays pass parsing (create answers 1100 later), nulls become Go zero values', () => {
		expect(parseBody('{"collectionName":"c","files":[[]]}', importSchema)).toEqual({ok: true, value: {collectionName: 'c', files: [[]]}});
		expect(parseBody('{"collectionName":"c","files":[null,["a",null]],"options":null}', importSchema))
			.toEqual({ok: true, value: {collectionName: 'c', files: [[], ['a', '']], options: undefined}});
	});

	test('null body is an empty struct; __proto__ keys do nothing', () => {
		expect(parseBody('null', {struct: 'DatabaseReq', fields: {}})).toEqual({ok: true, value: {}});
		const result = parseBody('{"__proto__":{"polluted":true},"jobId":"1"}', jobSchema);
		expect(result).toEqual({ok: true, value: {jobId: '1'}});
		const empty: Record<string, unknown> = {};
		expect(empty['polluted']).toBeUndefined();
	});
});
