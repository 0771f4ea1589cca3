import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseDescribeResponse, parseListResponse, parseStringList} from '../../source/api/parse.js';

const forbidden = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/v;

/** Every string anywhere in a value. */
const strings = (value: unknown): string[] => {
	if (typeof value === 'string') {
		return [value];
	}

	if (typeof value === 'object' && value !== null) {
		return Object.values(value).flatMap(item => strings(item));
	}

	return [];
};

const hostileText = fc.oneof(
	fc.string({unit: 'binary'}),
	fc.constantFrom('\u001B]52;c;aGk=\u0007', '\u001B[2J', '\u009B31m', '\u202Eevil', 'Importing', '454891732197474512', '47', ''),
);
const anyField = fc.oneof(hostileText, fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.jsonValue({maxDepth: 1}));
const record = fc.dictionary(fc.constantFrom('jobId', 'jobID', 'collectionName', 'state', 'progress', 'reason', 'other'), anyField);
const listBody = fc.oneof(
	fc.jsonValue(),
	fc.anything(),
	fc.record({code: fc.oneof(fc.constantFrom(0, 200, 100, '0'), anyField), message: anyField, data: fc.record({records: fc.array(fc.oneof(record, anyField), {maxLength: 20})})}),
);

describe('parsers on generated hostile input', () => {
	test('parseListResponse never throws and every output string is control-free', () => {
		fc.assert(fc.property(listBody, value => {
			const result = parseListResponse(value);
			for (const text of strings(result)) {
				expect(text).not.toMatch(forbidden);
			}

			if (result.ok) {
				for (const job of result.value) {
					expect(job.jobId).not.toBe('');
					expect(job.progress === undefined || (Number.isInteger(job.progress) && job.progress >= 0 && job.progress <= 100)).toBe(true);
				}
			}
		}), {numRuns: 2000});
	});

	test('parseDescribeResponse and parseStringList never throw and stay control-free', () => {
		const detailBody = fc.record({
			code: fc.constantFrom(0, 200), data: fc.record({
				jobId: anyField, state: anyField, details: fc.array(fc.dictionary(fc.constantFrom('fileName', 'state', 'progress', 'fileSize', 'reason', 'completeTime'), anyField)),
			}),
		});
		fc.assert(fc.property(fc.oneof(detailBody, fc.anything()), hostileText, (value, id) => {
			for (const text of [...strings(parseDescribeResponse(value, id)), ...strings(parseStringList(value))]) {
				expect(text).not.toMatch(forbidden);
			}
		}), {numRuns: 1000});
	});
});
