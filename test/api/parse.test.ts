import {describe, expect, test} from 'vitest';
import {readJson} from '../../source/api/json.js';
import {
	displayFileName, missingState, parseDescribeResponse, parseListResponse, parseStringList,
} from '../../source/api/parse.js';
import {fixture} from '../helpers/fixtures.js';

const body = (name: string): unknown => {
	const json = readJson(fixture(name));
	if (!json.ok) {
		throw new Error(`fixture ${name} is not JSON`);
	}

	return json.value;
};

const jobs = (name: string) => {
	const result = parseListResponse(body(name));
	if (!result.ok) {
		throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
	}

	return result.value;
};

describe('parseListResponse on recorded shapes', () => {
	test('2.4.0: success code 200', () => {
		expect(jobs('list-2.4.0.json')).toEqual([
			{
				jobId: '449839014328146740', collectionName: 'books', state: 'Completed', progress: 100, reason: '',
			},
			{
				jobId: '449839014328146741', collectionName: 'books', state: 'Failed', progress: 0,
				reason: 'failed to get file size of \'a6fb2d1c/missing.parquet\': The specified key does not exist.',
			},
			{
				jobId: '449839014328146802', collectionName: 'movies', state: 'Importing', progress: 73, reason: '',
			},
		]);
	});

	test('2.5: code 0, reason omitted when empty', () => {
		const list = jobs('list-2.5.json');
		expect(list.map(job => [job.jobId, job.state, job.progress, job.reason])).toEqual([
			['454891732197474580', 'Failed', 0, 'import timeout'],
			['454891732197474512', 'Importing', 47, ''],
			['454891732197474601', 'Completed', 100, ''],
			['454891732197474655', 'Pending', 5, ''],
		]);
	});

	test('2.6: None state with its reason is kept', () => {
		expect(jobs('list-2.6.json').find(job => job.state === 'None')).toEqual({
			jobId: '458230114921062499', collectionName: 'unknown_state', state: 'None', progress: 0, reason: 'unknown import job state',
		});
	});

	test('3.0: Uncommitted and Committing are kept as-is', () => {
		expect(jobs('list-3.0.json').map(job => job.state)).toEqual(['Uncommitted', 'Committing', 'Importing', 'Completed']);
	});

	test('empty list', () => {
		expect(jobs('list-empty.json')).toEqual([]);
		expect(parseListResponse({code: 0, data: {records: null}})).toEqual({ok: true, value: []});
	});

	test('numeric ids keep their digits and stay distinct; jobID matches case-insensitively', () => {
		const list = jobs('list-numeric-ids.json');
		expect(list.map(job => job.jobId)).toEqual(['454891732197474512', '454891732197474513', 'note: "jobId": 1 inside a string stays text']);
		expect(list[0]!.progress).toBe(47); // Sent as the string "47".
	});
});

describe('parseListResponse on odd records', () => {
	const one = (record: unknown) => parseListResponse({code: 0, data: {records: [record]}});

	test.each([
		['number', 47.9, 47],
		['numeric string', ' 12 ', 12],
		['above 100', 250, 100],
		['negative', -3, 0],
		['garbage string', 'n/a', undefined],
		['missing', undefined, undefined],
		['null', null, undefined],
		['object', {value: 5}, undefined],
		['boolean', true, undefined],
	])('progress %s → %s', (_name, progress, expected) => {
		expect(one({jobId: '1', state: 'Importing', progress})).toMatchObject({ok: true, value: [{progress: expected}]});
	});

	test.each([
		['Completed', undefined, 100], // Zilliz Cloud's list records have no progress (issue 15)
		['Completed', 0, 100],
		['Failed', undefined, undefined],
		['Importing', undefined, undefined],
	])('%s with progress %j → %j: a Completed job is 100 %%', (state, progress, expected) => {
		expect(one({jobId: 'job-1', state, progress})).toMatchObject({ok: true, value: [{progress: expected}]});
	});

	test('missing state becomes None, odd state strings are kept, sanitized', () => {
		expect(one({jobId: '1'})).toMatchObject({ok: true, value: [{state: missingState, collectionName: '', reason: ''}]});
		expect(one({jobId: '1', state: 'Rebalancing\u001B[2J'})).toMatchObject({ok: true, value: [{state: 'Rebalancing'}]});
		expect(one({jobId: '1', state: 7})).toMatchObject({ok: true, value: [{state: '7'}]});
	});

	test('hostile strings are sanitized', () => {
		expect(one({
			jobId: '1\u001B]52;c;cGF5bG9hZA==\u0007', collectionName: 'bo\u202Eoks', reason: 'line1\nline2\u001B[31m', state: 'Failed',
		}))
			.toEqual({
				ok: true, value: [{
					jobId: '1', collectionName: 'books', state: 'Failed', progress: undefined, reason: 'line1 line2',
				}],
			});
	});

	test('records that are not objects or lack an id are skipped', () => {
		const result = parseListResponse({code: 0, data: {records: [null, 5, 'x', [], {state: 'Pending'}, {jobId: ''}, {jobId: {}}, {jobId: '7', state: 'A'}, {jobId: '7', state: 'B'}, {jobId: 8}]}});
		expect(result).toEqual({
			ok: true, value: [
				// Id 7 twice: one record per id (api/duplicates.ts), here a full tie, so the first.
				{
					jobId: '7', collectionName: '', state: 'A', progress: undefined, reason: '',
				},
				{
					jobId: '8', collectionName: '', state: missingState, progress: undefined, reason: '',
				},
			],
		});
	});

	test('keys match case-insensitively', () => {
		expect(one({
			JOBID: '5', CollectionName: 'c', STATE: 'Pending', Progress: 3, REASON: 'r',
		}))
			.toEqual({
				ok: true, value: [{
					jobId: '5', collectionName: 'c', state: 'Pending', progress: 3, reason: 'r',
				}],
			});
	});
});

describe('envelopes and shapes', () => {
	test.each([
		['error-100.json', 100, 'collection not found[database=default][collection=nope]'],
		['error-800.json', 800, 'database not found, database: nodb'],
		['error-2100.json', 2100, 'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed'],
	])('%s → milvus error', (name, code, message) => {
		expect(parseListResponse(body(name))).toEqual({ok: false, error: {kind: 'milvus', code, message}});
		expect(parseDescribeResponse(body(name), '1')).toEqual({ok: false, error: {kind: 'milvus', code, message}});
		expect(parseStringList(body(name))).toEqual({ok: false, error: {kind: 'milvus', code, message}});
	});

	test.each([
		[1800, 'user hasn\'t authenticated', 'unauthorized'],
		[1400, 'not authenticated', 'unauthorized'],
		[1401, 'privilege not permitted', 'forbidden'],
	] as const)('a credentials code %i inside an HTTP 200 envelope means what HTTP 401/403 means', (code, message, kind) => {
		const envelope = {code, message};
		const expected = {
			ok: false, error: {
				kind, code, message, inEnvelope: true,
			},
		};
		expect(parseListResponse(envelope)).toEqual(expected);
		expect(parseDescribeResponse(envelope, '1')).toEqual(expected);
		expect(parseStringList(envelope)).toEqual(expected);
	});

	test('the recorded 1800 envelope is unauthorized', () => {
		expect(parseListResponse(body('error-1800.json'))).toMatchObject({ok: false, error: {kind: 'unauthorized', code: 1800}});
	});

	test.each([
		['not an object', [1, 2], 'expected a JSON object, got an array'],
		['no code', {data: {records: []}}, 'no "code" in the answer'],
		['data missing', {code: 0}, 'expected "data" to be an object, got undefined'],
		['records not an array', {code: 0, data: {records: 'x'}}, 'expected "data.records" to be an array, got string'],
		['records missing', {code: 0, data: {}}, 'expected "data.records" to be an array, got undefined'],
	])('bad shape: %s', (_name, value, detail) => {
		expect(parseListResponse(value)).toEqual({ok: false, error: {kind: 'bad-shape', detail}});
	});

	test('code as a numeric string is read; a message is sanitized', () => {
		expect(parseListResponse({code: '65535', message: 'rpc error\u0007 \u001B[1mdenied'})).toEqual({ok: false, error: {kind: 'milvus', code: 65_535, message: 'rpc error denied'}});
	});
});

describe('parseDescribeResponse', () => {
	test('2.6 describe with createTime and details', () => {
		expect(parseDescribeResponse(body('describe-2.6.json'), '448761313698322011')).toEqual({
			ok: true, value: {
				jobId: '448761313698322011',
				collectionName: 'quick_setup',
				state: 'Importing',
				progress: 55,
				reason: '',
				importedRows: 80_000,
				totalRows: 120_000,
				fileSize: 4_328_493,
				createTime: '2026-05-02T10:11:12+08:00',
				completeTime: '',
				files: [
					{
						fileName: 'a6fb2d1c/1.parquet', fileSize: 3_279_917, state: 'InProgress', progress: 60, importedRows: 60_000, totalRows: 100_000, completeTime: '', reason: '',
					},
					{
						fileName: 'a6fb2d1c/vec.npy a6fb2d1c/id.npy', fileSize: 1_048_576, state: 'Completed', progress: 100,
						importedRows: 20_000, totalRows: 20_000, completeTime: '2026-05-02T10:13:40+08:00', reason: '',
					},
				],
			},
		});
	});

	test('2.4 get_progress: no createTime', () => {
		expect(parseDescribeResponse(body('get-progress-2.4.json'), '449839014328146740'))
			.toMatchObject({ok: true, value: {createTime: '', completeTime: '2024-08-30T09:12:44Z', files: [{fileName: 'books/1.json'}]}});
	});

	test('missing id falls back to the one asked for; odd details are skipped', () => {
		expect(parseDescribeResponse({code: 0, data: {state: 'Pending', details: [null, 'x', {fileName: 5}]}}, '42')).toMatchObject({
			ok: true, value: {
				jobId: '42', state: 'Pending', progress: undefined, importedRows: undefined, files: [{fileName: '5', state: missingState, fileSize: undefined}],
			},
		});
		expect(parseDescribeResponse({code: 0, data: {details: null}}, '42')).toMatchObject({ok: true, value: {files: []}});
		expect(parseDescribeResponse({code: 0, data: []}, '42')).toMatchObject({ok: false, error: {kind: 'bad-shape'}});
	});

	test('negative or garbage counts are unknown', () => {
		expect(parseDescribeResponse({code: 0, data: {importedRows: -1, totalRows: 'many', fileSize: '2048'}}, '1'))
			.toMatchObject({ok: true, value: {importedRows: undefined, totalRows: undefined, fileSize: 2048}});
	});
});

describe('parseStringList and displayFileName', () => {
	test('names are sanitized; non-strings and blanks are skipped', () => {
		expect(parseStringList({code: 0, data: ['default', 'db\u001B[2J1', 3, null, '\u0007']})).toEqual({ok: true, value: ['default', 'db1']});
		expect(parseStringList({code: 200, data: null})).toEqual({ok: true, value: []});
		expect(parseStringList({code: 0, data: {names: []}})).toMatchObject({ok: false, error: {kind: 'bad-shape'}});
	});

	test.each([
		['[dir/1.parquet]', 'dir/1.parquet'],
		['[a.npy b.npy]', 'a.npy b.npy'],
		['plain.json', 'plain.json'],
		['[', '['],
		['[]', ''],
	])('%s → %s', (input, expected) => {
		expect(displayFileName(input)).toBe(expected);
	});
});
