import {describe, expect, test} from 'vitest';
import {flavors, type Flavor} from '../../source/demo/flavor.js';
import {
	parseJson, session, type DescribeReply, type Envelope, type ListReply,
} from './helpers.js';

const create = (s: ReturnType<typeof session>, body: Record<string, unknown> = {}, headers = {}): string => {
	const reply = s.call<{code: number; data: {jobId: string}}>('/jobs/import/create', {collectionName: 'books', files: [['books/1.parquet']], ...body}, headers);
	expect(reply.code === 0 || reply.code === 200).toBe(true);
	return reply.data.jobId;
};

describe('routes and envelope (§1.1, §1.2)', () => {
	const paths = ['/jobs/import/list', '/jobs/import/create', '/jobs/import/describe', '/jobs/import/get_progress', '/collections/list', '/collections/describe', '/databases/list'];

	test.each(flavors.map(flavor => [flavor]))('%s: which routes exist', flavor => {
		const s = session(flavor);
		const exists = paths.map(path => s.send(path, {}).status !== 404);
		const hasDescribe = flavor !== '2.4.0';
		const hasDatabases = flavor !== '2.4.0' && flavor !== '2.4';
		expect(exists).toEqual([true, true, hasDescribe, true, true, true, hasDatabases]);
	});

	test('non-POST methods and unknown paths get gin\'s plain-text 404', () => {
		const s = session();
		for (const [path, method] of [['/jobs/import/list', 'GET'], ['/jobs/import/list', 'PUT'], ['/jobs/import/nope', 'POST'], ['/../list', 'POST']] as const) {
			expect(s.send(path, {}, {method})).toEqual({status: 404, contentType: 'text', body: '404 page not found'});
		}
	});

	test.each(flavors.map(flavor => [flavor]))('%s: success code (200 only on 2.4.0), errors are HTTP 200 with code and message only', flavor => {
		const s = session(flavor);
		const ok = s.send('/jobs/import/list', {});
		expect(ok.status).toBe(200);
		expect(parseJson(ok.body)).toEqual({code: flavor === '2.4.0' ? 200 : 0, data: {records: []}});
		const error = s.send('/jobs/import/list', '');
		expect(error.status).toBe(200);
		expect(Object.keys(parseJson<Envelope>(error.body))).toEqual(['code', 'message']);
	});
});

describe('auth mode (§1.3, §1.4)', () => {
	const auth = {user: 'root', password: 'Milvus'};

	test('missing or wrong credentials → HTTP 401 code 1800; right ones pass', () => {
		const s = session('2.6', {auth});
		expect(s.send('/jobs/import/list', {})).toEqual({status: 401, contentType: 'json', body: '{"code":1800,"message":"user hasn\'t authenticated"}'});
		expect(s.send('/jobs/import/list', {}, {authorization: 'Bearer root:nope'}).status).toBe(401);
		expect(s.send('/jobs/import/list', {}, {authorization: 'Bearer root:Milvus'}).status).toBe(200);
	});

	test('an unknown route is 404 before auth; a bad body after auth is still 401', () => {
		const s = session('2.6', {auth});
		expect(s.send('/nope', {}).status).toBe(404);
		expect(s.send('/jobs/import/list', '').status).toBe(401);
	});

	test('auth off: the header is ignored entirely', () => {
		const s = session('2.6');
		expect(s.send('/jobs/import/list', {}, {authorization: 'Bearer nobody:nothing'}).status).toBe(200);
	});
});

describe('list (§2.1)', () => {
	test('without collectionName, jobs of every database come back whatever dbName says', () => {
		const s = session();
		const a = create(s);
		const b = create(s, {dbName: 'analytics', collectionName: 'events'});
		for (const body of [{}, {dbName: 'staging'}, {dbName: 'nodb'}]) {
			const ids = s.call<ListReply>('/jobs/import/list', body).data.records.map(record => record.jobId);
			expect(ids.toSorted()).toEqual([a, b].toSorted());
		}
	});

	test('with collectionName: only that collection; unknown collection 100; unknown db 800', () => {
		const s = session();
		const books = create(s);
		create(s, {collectionName: 'movies'});
		expect(s.call<ListReply>('/jobs/import/list', {collectionName: 'books'}).data.records.map(record => record.jobId)).toEqual([books]);
		expect(s.call('/jobs/import/list', {collectionName: 'nope'})).toEqual({code: 100, message: 'collection not found[database=default][collection=nope]'});
		expect(s.call('/jobs/import/list', {dbName: 'nodb', collectionName: 'books'})).toEqual({code: 800, message: 'database not found[database=nodb]'});
	});

	test('DB resolution: body dbName, else DB-Name header, else default', () => {
		const s = session();
		create(s, {dbName: 'analytics', collectionName: 'events'});
		expect(s.call('/jobs/import/list', {collectionName: 'events'}).code).toBe(100);
		expect(s.call<ListReply>('/jobs/import/list', {collectionName: 'events'}, {dbName: 'analytics'}).data.records).toHaveLength(1);
		expect(s.call('/jobs/import/list', {dbName: 'default', collectionName: 'events'}, {dbName: 'analytics'}).code).toBe(100);
		expect(s.call('/jobs/import/list', {dbName: '', collectionName: 'events'}, {dbName: 'analytics'}).code).toBe(0);
	});

	test.each(['2.4.0', '2.4'] as const)('%s: an unknown database fails before anything, even without a collection', flavor => {
		const s = session(flavor);
		expect(s.call('/jobs/import/list', {dbName: 'nodb'})).toEqual({code: 800, message: 'database not found, database: nodb'});
		expect(s.call('/jobs/import/list', {}, {dbName: 'nodb'}).code).toBe(800);
		expect(s.call('/jobs/import/list', {dbName: 'analytics'}).code).toBe(flavor === '2.4.0' ? 200 : 0);
	});

	test('records carry exactly jobId, collectionName, state, progress (+ reason only when non-empty)', () => {
		const s = session();
		create(s);
		create(s, {files: [['books/missing.parquet']]});
		s.clock.advance(30_000);
		const {records} = s.call<ListReply>('/jobs/import/list').data;
		const keys = records.map(record => Object.keys(record).toSorted().join(',')).toSorted();
		expect(keys).toEqual(['collectionName,jobId,progress,reason,state', 'collectionName,jobId,progress,state']);
		for (const record of records) {
			expect(record.jobId).toMatch(/^\d{18}$/v);
			expect(Number.isInteger(record.progress)).toBe(true);
		}
	});

	test('record order changes between calls; the set does not', () => {
		const s = session();
		for (let i = 0; i < 12; i++) {
			create(s);
		}

		const orders = Array.from({length: 5}, () => s.call<ListReply>('/jobs/import/list').data.records.map(record => record.jobId).join(' '));
		expect(new Set(orders).size).toBeGreaterThan(1);
		expect(new Set(orders.map(order => order.split(' ').toSorted().join(' '))).size).toBe(1);
	});

	test('progress moves between two list calls as the clock advances', () => {
		const s = session();
		const id = create(s);
		const progress = () => s.call<ListReply>('/jobs/import/list').data.records.find(record => record.jobId === id)!.progress;
		const before = progress();
		s.clock.advance(20_000);
		expect(progress()).toBeGreaterThan(before);
	});
});

const describeVia = (flavor: Flavor) => (flavor === '2.4.0' ? '/jobs/import/get_progress' : '/jobs/import/describe');

describe('describe / get_progress (§2.2)', () => {
	test.each(flavors.map(flavor => [flavor]))('%s: fields, createTime only on 2.6/3.0, details per file', flavor => {
		const s = session(flavor);
		const id = create(s, {files: [['books/a.parquet'], ['books/x.npy', 'books/y.npy']]});
		s.clock.advance(25_000);
		const reply = s.call<DescribeReply>(describeVia(flavor), {jobId: id});
		expect(reply.code).toBe(flavor === '2.4.0' ? 200 : 0);
		const keys = ['collectionName', 'completeTime', 'details', 'fileSize', 'importedRows', 'jobId', 'progress', 'state', 'totalRows'];
		expect(Object.keys(reply.data).toSorted()).toEqual((flavor === '2.6' || flavor.startsWith('3.0') ? [...keys, 'createTime'] : keys).toSorted());
		expect(reply.data).toMatchObject({jobId: id, collectionName: 'books', completeTime: ''});
		if (reply.data.details.length > 0) {
			expect(reply.data.details.map(detail => detail.fileName).toSorted()).toEqual(['[books/a.parquet]', '[books/x.npy books/y.npy]']);
			expect(reply.data.fileSize).toBe(reply.data.details.reduce((total, detail) => total + detail.fileSize, 0));
		}
	});

	test('a created job runs to Completed with completeTime and full rows; get_progress agrees with describe', () => {
		const s = session();
		const id = create(s);
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			const {data} = s.call<DescribeReply>('/jobs/import/describe', {jobId: id});
			seen.add(data.state);
			expect(s.call<DescribeReply>('/jobs/import/get_progress', {jobId: id}).data).toEqual(data);
			if (data.state === 'Completed') {
				expect(data.progress).toBe(100);
				expect(data.importedRows).toBe(data.totalRows);
				expect(data.completeTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/v);
				expect(data.details.every(detail => detail.state === 'Completed' && detail.completeTime !== '')).toBe(true);
				break;
			}

			s.clock.advance(1000);
		}

		expect([...seen]).toEqual(['Pending', 'Importing', 'Completed']);
	});

	test('echoes the id as sent, finds a job of any database, ignores body dbName', () => {
		const s = session();
		const id = create(s, {dbName: 'analytics', collectionName: 'events'});
		expect(s.call<DescribeReply>('/jobs/import/describe', {jobID: id, dbName: 'nodb'}).data.jobId).toBe(id);
		expect(s.call<DescribeReply>('/jobs/import/describe', {jobId: `+${id}`}).data.jobId).toBe(`+${id}`);
	});

	test.each([
		['2.4', 2100, 'import job does not exist, jobID=123: importing data failed'],
		['2.6', 2100, 'import job does not exist, jobID=123: importing data failed'],
		['3.0', 2101, 'import job does not exist, jobID=123: importing data failed on server side'],
	] as const)('%s: unknown numeric id → %d', (flavor, code, message) => {
		expect(session(flavor).call('/jobs/import/describe', {jobId: '123'})).toEqual({code, message});
	});

	test.each([
		['2.4', 2100, 'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed'],
		['2.5', 2100, 'parse job id failed, err=%wstrconv.ParseInt: parsing "abc": invalid syntax: importing data failed'],
		['2.6', 2100, 'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: importing data failed'],
		['3.0', 1100, 'parse job id failed: strconv.ParseInt: parsing "abc": invalid syntax: invalid parameter'],
	] as const)('%s: non-numeric id → %d', (flavor, code, message) => {
		expect(session(flavor).call('/jobs/import/describe', {jobId: 'abc'})).toEqual({code, message});
	});

	test('out-of-range id, numeric id, missing id', () => {
		const s = session();
		expect(s.call('/jobs/import/describe', {jobId: '99999999999999999999'}).message).toContain('value out of range');
		expect(s.call('/jobs/import/describe', {jobId: 448_761_313_698_322}).code).toBe(1801);
		expect(s.call('/jobs/import/describe', {}).code).toBe(1802);
	});

	test('2.4 checks the DB-Name header (its only DB input); 2.5+ ignore it', () => {
		expect(session('2.4').call('/jobs/import/describe', {jobId: '1'}, {dbName: 'nodb'}).code).toBe(800);
		expect(session('2.5').call('/jobs/import/describe', {jobId: '1'}, {dbName: 'nodb'}).code).toBe(2100);
	});

	test('after retention a finished job is gone: describe says it does not exist, list drops it', () => {
		const s = session();
		const id = create(s, {files: [['books/missing.parquet']]});
		s.clock.advance(15_000);
		expect(s.call<DescribeReply>('/jobs/import/describe', {jobId: id}).data).toMatchObject({state: 'Failed', progress: 0});
		s.clock.advance(60_000);
		expect(s.call('/jobs/import/describe', {jobId: id})).toEqual({code: 2100, message: `import job does not exist, jobID=${id}: importing data failed`});
		expect(s.call<ListReply>('/jobs/import/list').data.records).toEqual([]);
	});
});
