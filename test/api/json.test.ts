import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {hasNumericJobId, readJson} from '../../source/api/json.js';
import {fixture} from '../helpers/fixtures.js';

describe('readJson', () => {
	test('plain JSON takes the fast path', () => {
		const text = fixture('list-2.5.json');
		expect(hasNumericJobId(text)).toBe(false);
		expect(readJson(text)).toEqual({ok: true, value: JSON.parse(text) as unknown});
	});

	test('the fast-path check matches a jobId key in any case, as the case-insensitive pattern does', () => {
		const caseInsensitive = /"jobid"\s*:\s*-?\d/iv;
		const key = fc.array(fc.constantFrom('j', 'J', 'o', 'O', 'b', 'B', 'i', 'I', 'd', 'D', 'İ', 'ı', 'K', 'ſ'), {minLength: 5, maxLength: 5}).map(letters => letters.join(''));
		fc.assert(fc.property(key, fc.constantFrom(':', ' : ', ':\n', '='), fc.constantFrom('1', '-7', '"1"', 'x'), (name, colon, value) => {
			const text = `{"${name}"${colon}${value}}`;
			expect(hasNumericJobId(text)).toBe(caseInsensitive.test(text));
		}), {numRuns: 500});
		expect(hasNumericJobId('{"JoBiD": 12}')).toBe(true);
	});

	test('numeric jobIds keep every digit, so ids that differ beyond 2^53 stay distinct', () => {
		const text = fixture('list-numeric-ids.json');
		expect(hasNumericJobId(text)).toBe(true);
		expect(JSON.parse('454891732197474512')).toBe(JSON.parse('454891732197474513')); // What plain JSON.parse would do.
		expect(readJson(text)).toMatchObject({
			ok: true, value: {
				data: {
					records: [
						{jobId: '454891732197474512', progress: '47'},
						{jobID: '454891732197474513'},
						{jobId: 'note: "jobId": 1 inside a string stays text'},
					],
				},
			},
		});
	});

	test.each([
		['negative and exponent literals are kept as written', '{"jobId":-12e3}', {jobId: '-12e3'}],
		['other numbers are untouched', '{"jobId":"1","progress":5,"jobIds":7}', {jobId: '1', progress: 5, jobIds: 7}],
		['key with spaces around the colon', '{"JOBID" :\n 123}', {JOBID: '123'}],
		['escaped quote before a look-alike', String.raw`{"a":"x\"jobId\":5","jobId":9007199254740993}`, {a: 'x"jobId":5', jobId: '9007199254740993'}],
		['nested objects', '{"data":{"jobId":18446744073709551615}}', {data: {jobId: '18446744073709551615'}}],
	])('%s', (_name, text, expected) => {
		expect(readJson(text)).toEqual({ok: true, value: expected});
	});

	test.each([
		['truncated', '{"code":0,"data":{"rec'],
		['truncated on the slow path', '{"code":0,"data":{"jobId":123'],
		['HTML', '<html>bad</html>'],
		['empty', ''],
		['a leading zero stays invalid', '{"jobId":0123}'],
	])('invalid JSON is a value, not a throw: %s', (_name, text) => {
		const result = readJson(text);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.detail).not.toMatch(/[\u0000-\u001F]/v);
	});
});

/** What readJson should give: JSON.parse, except numeric jobId values (any case) become the digits JSON.stringify printed. */
const expected = (value: unknown): unknown => {
	if (Array.isArray(value)) {
		return value.map(item => expected(item));
	}

	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) =>
			[key, key.toLowerCase() === 'jobid' && typeof item === 'number' ? JSON.stringify(item) : expected(item)]));
	}

	return value;
};

describe('readJson on generated JSON', () => {
	const key = fc.oneof(fc.constantFrom('jobId', 'jobID', 'JOBID', 'state', '"jobId":1', 'x"jobId', 'x\\"jobId', '\\\\"jobId', 'a\\', '\\"'), fc.string());
	const value = fc.letrec(tie => ({
		node: fc.oneof(
			{depthSize: 'small'},
			fc.integer(),
			fc.double({noNaN: true, noDefaultInfinity: true}),
			fc.bigInt({min: 0n, max: 2n ** 64n}).map(Number),
			fc.string(),
			fc.constantFrom('"jobId":5', '\\', '\\"jobId\\":7'),
			fc.boolean(),
			fc.constant(null),
			fc.array(tie('node')),
			fc.dictionary(key, tie('node')),
		),
	})).node;

	test('equals JSON.parse except for numeric jobIds, which keep their printed digits', () => {
		fc.assert(fc.property(value, input => {
			const text = JSON.stringify(input);
			expect(readJson(text)).toEqual({ok: true, value: expected(JSON.parse(text))});
		}), {numRuns: 1000});
	});
});
