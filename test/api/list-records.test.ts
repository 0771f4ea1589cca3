import {Buffer} from 'node:buffer';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {createBodyBuffer} from '../../source/api/body-buffer.js';
import {createListReader, locateRecords} from '../../source/api/list-records.js';
import {readJson} from '../../source/api/json.js';
import {parseListResponse} from '../../source/api/parse.js';
import {seededRandom, shuffle} from '../../source/demo/rng.js';

/** The plain way: decode all, JSON.parse all (json.ts), parse the envelope and every record. */
const plain = (bytes: Uint8Array) => {
	const json = readJson(new TextDecoder().decode(bytes));
	return json.ok ? parseListResponse(json.value) : 'invalid JSON';
};

const space = fc.constantFrom('', ' ', '\n  ', '\t', '\r\n');
const text = fc.oneof(
	fc.string({unit: 'binary', maxLength: 12}),
	fc.constantFrom('Importing', 'Completed', 'Failed', 'Pending', '\u001B[2J', '\u202Eevil', 'quote " and \\ backslash', 'ends in a backslash \\', '👩‍💻 名前', ''),
);
/** A value as JSON text: strings, numbers (ids past 2^53 written as numbers), null, an object. */
const value = fc.oneof(
	text.map(item => JSON.stringify(item)),
	fc.constantFrom('454891732197474512', '454891732197474513', '47', '-1', '12.5', '1e2', 'null', 'true', '{}', '[1,2]', '{"jobId":"nested"}'),
	fc.integer({min: 0, max: 120}).map(String),
);
const key = fc.constantFrom('jobId', 'jobID', 'jobid', 'collectionName', 'state', 'progress', 'reason', 'other', 'JobId');
const record = fc.array(fc.tuple(space, key, space, value), {maxLength: 6})
	.map(fields => `{${fields.map(([before, name, after, item]) => `${before}"${name}"${after}:${after}${item}`).join(',')}}`);
const element = fc.oneof({weight: 8, arbitrary: record}, {weight: 1, arbitrary: value});

/** A records array written out, then its envelope (sometimes an odd one: an error code, more keys, other spellings, twice). */
const body = (records: readonly string[], shape: {code: string; gap: string; dataKey: string; recordsKey: string; extra: string}) => {
	const array = `[${shape.gap}${records.join(`,${shape.gap}`)}${shape.gap}]`;
	return `{"code":${shape.code},${shape.gap}"${shape.dataKey}":{"${shape.recordsKey}":${array}${shape.extra}}}`;
};

const shape = fc.record({
	code: fc.constantFrom('0', '0', '0', '200', '1100', '"0"'),
	gap: space,
	dataKey: fc.constantFrom('data', 'data', 'data', 'Data', 'd\\u0061ta', 'dat'),
	recordsKey: fc.constantFrom('records', 'records', 'records', 'Records', 'rec'),
	extra: fc.constantFrom('', '', ',"total":3', ',"records":[]', ',"RECORDS":null', ',"more":{"records":[1]}'),
});

/** Byte damage: cut short, a byte changed, or invalid UTF-8 put in. */
const damage = fc.oneof(
	{weight: 6, arbitrary: fc.constant((bytes: Uint8Array) => bytes)},
	{weight: 1, arbitrary: fc.nat().map(at => (bytes: Uint8Array) => bytes.subarray(0, at % (bytes.length + 1)))},
	{
		weight: 1, arbitrary: fc.tuple(fc.nat(), fc.integer({min: 0, max: 255})).map(([at, byte]) => (bytes: Uint8Array) => {
			const copy = Buffer.from(bytes);
			if (copy.length > 0) {
				copy[at % copy.length] = byte;
			}

			return copy;
		}),
	},
	{
		weight: 1, arbitrary: fc.nat().map(at => (bytes: Uint8Array) => {
			const cut = at % (bytes.length + 1);
			return Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xC3, 0x28, 0xFF]), bytes.subarray(cut)]);
		}),
	},
);

/** Polls: each keeps most records of the last one (the reader's reuse), changes a few, and reorders them. */
const polls = fc.record({
	first: fc.array(element, {maxLength: 12}),
	steps: fc.array(fc.record({
		replace: fc.array(fc.tuple(fc.nat(), element), {maxLength: 3}),
		add: fc.array(element, {maxLength: 2}),
		drop: fc.nat(),
		rotate: fc.nat(),
		duplicate: fc.boolean(),
		shape,
		damage,
	}), {minLength: 1, maxLength: 6}),
});

/** A Milvus-like record: ids from a small set (so ids leave and come back), spelt several ways; reasons of any length. */
const job = fc.record({
	id: fc.integer({min: 0, max: 40}),
	spelling: fc.constantFrom('string', 'string', 'string', 'number', 'escaped'),
	state: fc.constantFrom('Importing', 'Completed', 'Failed'),
	progress: fc.integer({min: 0, max: 100}),
	reason: fc.oneof(fc.constant(''), fc.string({maxLength: 300}), fc.integer({min: 0, max: 400}).map(length => 'p'.repeat(length))),
	progressLast: fc.boolean(),
});
type TestJob = {id: number; spelling: string; state: string; progress: number; reason: string; progressLast: boolean};
const jobText = ({id, spelling, state, progress, reason, progressLast}: TestJob) => {
	const jobId = spelling === 'number' ? String(id) : (spelling === 'escaped' ? `"\\u003${String(id).slice(0, 1)}${String(id).slice(1)}"` : `"${id}"`);
	return progressLast
		? `{"collectionName":"c","jobId":${jobId},"reason":${JSON.stringify(reason)},"state":"${state}","progress":${progress}}`
		: `{"collectionName":"c","jobId":${jobId},"progress":${progress},"reason":${JSON.stringify(reason)},"state":"${state}"}`;
};

/** Many polls in a row, as the client reads them (into its body buffer): every step changes, adds and drops records and usually lists them in a new order. */
const longPolls = fc.record({
	first: fc.array(job, {maxLength: 30}),
	steps: fc.array(fc.record({
		change: fc.array(fc.tuple(fc.nat(), job), {maxLength: 5}),
		/** A record's progress changed by one digit: the same length, often at the same offsets. */
		tweak: fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 9})), {maxLength: 3}),
		add: fc.array(job, {maxLength: 8}),
		drop: fc.array(fc.nat(), {maxLength: 8}),
		/** A seed for a new order, or undefined: the same order as the last poll. */
		order: fc.option(fc.nat(), {freq: 4}),
		duplicate: fc.option(fc.nat(), {freq: 6}),
		/** What goes wrong with this poll: nothing, a record that does not parse (at any place), or an answer the reader never sees (not 2xx). */
		trouble: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'broken', 'unread'),
		brokenAt: fc.nat(),
	}), {minLength: 5, maxLength: 30}),
});

/** A seeded order (the demo's Fisher–Yates over Park–Miller). */
const reorder = <T>(items: readonly T[], seed: number): T[] => shuffle(seededRandom(seed), items);

describe('the list read record by record (list-records.ts)', () => {
	test('whenever it answers, it answers what the plain way does; over polls that reuse records', () => {
		let fast = 0;
		fc.assert(fc.property(polls, ({first, steps}) => {
			const read = createListReader();
			let records = [...first];
			for (const step of steps) {
				for (const [at, replacement] of step.replace) {
					if (records.length > 0) {
						records[at % records.length] = replacement;
					}
				}

				records = [...records, ...step.add];
				if (records.length > 0) {
					records.splice(step.drop % records.length, step.drop % 3 === 0 ? 1 : 0);
					const by = step.rotate % records.length;
					records = [...records.slice(by), ...records.slice(0, by)];
					if (step.duplicate) {
						records.push(records[0]!);
					}
				}

				const bytes = step.damage(Buffer.from(body(records, step.shape)));
				const answer = read(bytes);
				if (answer !== undefined) {
					fast++;
					expect(answer).toEqual(plain(bytes));
				}
			}
		}), {numRuns: 1500});
		expect(fast).toBeGreaterThan(600); // The reader answers a good share itself (~1,200 of ~5,000 bodies; most shapes here are odd on purpose)
	});

	test('over many polls through the client\'s body buffer (new orders, changed lengths, growing and shrinking bodies, fallbacks), it answers what the plain way does', () => {
		let fast = 0;
		let fallbacks = 0;
		fc.assert(fc.property(longPolls, ({first, steps}) => {
			const read = createListReader();
			const buffer = createBodyBuffer();
			let records: TestJob[] = [...first];
			for (const step of steps) {
				for (const [at, item] of step.change) {
					if (records.length > 0) {
						records[at % records.length] = item;
					}
				}

				for (const [at, digit] of step.tweak) {
					if (records.length > 0) {
						const item = records[at % records.length]!;
						records[at % records.length] = {...item, progress: item.progress - (item.progress % 10) + digit};
					}
				}

				for (const at of step.drop) {
					if (records.length > 0) {
						records.splice(at % records.length, 1);
					}
				}

				records = [...records, ...step.add];
				if (step.order !== null) {
					records = reorder(records, step.order);
				}

				const listed = records.map(item => jobText(item));
				if (step.duplicate !== null && records.length > 0) {
					listed.splice(step.duplicate % listed.length, 0, listed[(step.duplicate * 7) % listed.length]!);
				}

				if (step.trouble === 'broken') {
					listed.splice(step.brokenAt % (listed.length + 1), 0, '{"jobId":"7","progress":}');
				}

				// As the client does: every answer read into the one block, over the last one's bytes (the reader must not need them).
				const text = Buffer.from(body(listed, {
					code: '0', gap: '', dataKey: 'data', recordsKey: 'records', extra: '',
				}));
				const sink = buffer.lease()!;
				const third = Math.ceil(text.length / 3); // In pieces, as a socket delivers it (the block grows under them)
				for (let at = 0; at < text.length; at += third) {
					sink.append(text.subarray(at, at + third));
				}

				const lent = sink.bytes();
				const answer = step.trouble === 'unread' ? undefined : read(lent);
				if (answer === undefined) {
					fallbacks++;
				} else {
					fast++;
					expect(answer).toEqual(plain(lent));
				}

				expect(step.trouble !== 'broken' || answer === undefined).toBe(true);
				buffer.release();
			}
		}), {numRuns: 400});
		expect(fast).toBeGreaterThan(2000);
		expect(fallbacks).toBeGreaterThan(400);
	});

	test('a Milvus answer is read without the plain way, and reused records are the same Job objects', () => {
		const read = createListReader();
		const records = ['{"jobId":"1","collectionName":"a","state":"Importing","progress":5,"reason":""}', '{"jobId":"2","collectionName":"b","state":"Failed","progress":0,"reason":"bad \\u001b[2J file"}'];
		const first = read(Buffer.from(body(records, {
			code: '0', gap: '', dataKey: 'data', recordsKey: 'records', extra: '',
		})));
		records[0] = records[0]!.replace('"progress":5', '"progress":6');
		const bytes = Buffer.from(body(records.toReversed(), {
			code: '0', gap: ' ', dataKey: 'data', recordsKey: 'records', extra: '',
		}));
		const second = read(bytes);
		expect(second).toEqual(plain(bytes));
		expect(first?.ok && second?.ok).toBe(true);
		if (first?.ok && second?.ok) {
			expect(second.value[0]).toBe(first.value[1]); // Same bytes: the Job made last time
			expect(second.value[1]).toEqual({...first.value[0], progress: 6});
			expect(second.value[0]!.reason).not.toContain('\u001B'); // Sanitized as ever
		}
	});

	test('a record changed without changing its length is read anew: two bytes swapped, one bit flipped, in every position of the reason', () => {
		const reason = 's3://bucket/2026/12/part-00017.parquet: row 42 has 9 columns, expected 12';
		const recordOf = (text: string) => `{"jobId":"454891732197474512","collectionName":"books","state":"Failed","progress":0,"reason":"${text}"}`;
		const answer = (text: string) => Buffer.from(body([recordOf(text)], {
			code: '0', gap: '', dataKey: 'data', recordsKey: 'records', extra: '',
		}));
		const changed: string[] = [];
		for (let at = 0; at + 1 < reason.length; at++) {
			if (reason[at] !== reason[at + 1]) {
				changed.push(`${reason.slice(0, at)}${reason[at + 1]}${reason[at]}${reason.slice(at + 2)}`);
			}

			// One bit of one character flipped (kept printable and not a quote or a backslash).
			const code = reason.codePointAt(at)!;
			const flipped = String.fromCodePoint(code % 2 === 0 ? code + 1 : code - 1);
			if (flipped !== '"' && flipped !== '\\' && flipped >= ' ') {
				changed.push(`${reason.slice(0, at)}${flipped}${reason.slice(at + 1)}`);
			}
		}

		expect(changed.length).toBeGreaterThan(100);
		for (const text of changed) {
			const read = createListReader();
			read(answer(reason));
			const again = read(answer(text));
			expect(again?.ok ? again.value[0]?.reason : again).toBe(text);
		}
	});

	test('on a busy cluster (jobs leave and come every poll, the maps rebuilt on the way), a job listed twice is still merged as the plain way does', () => {
		const read = createListReader();
		const record = (id: number, progress: number) => `{"jobId":"${id}","collectionName":"c","state":"Importing","progress":${progress},"reason":""}`;
		let ids = Array.from({length: 200}, (_, index) => index);
		for (let poll = 0; poll < 12; poll++) {
			// 60 leave (the newest: the oldest stay for good), 60 new come; the reader's maps are rebuilt on the way (churn.ts).
			ids = [...ids.slice(0, 140), ...Array.from({length: 60}, (_, index) => 200 + (poll * 60) + index)];
			const listed = ids.map(id => record(id, id % 100)); // Unchanged: read again from the last answer, not parsed
			if (poll >= 4) {
				// Twice (the second time as a number, with other progress): the oldest, or one from the middle
				listed.push(record(ids[poll % 2 === 0 ? 0 : 100]!, 99).replace(/"jobId":"(\d+)"/v, '"jobId":$1'));
			}

			const bytes = Buffer.from(body(listed, {
				code: '0', gap: '', dataKey: 'data', recordsKey: 'records', extra: '',
			}));
			const answer = read(bytes);
			expect(answer).toEqual(plain(bytes));
			expect(answer?.ok ? answer.value.length : -1).toBe(200);
		}
	});

	test('what it leaves to the plain way: a second data or records key, escaped keys, a records array that is not one', () => {
		const locate = (json: string) => locateRecords(Buffer.from(json));
		const json = '{"code":0,"data":{"records":[{"a":1}, 2 ,"x,]"]}}';
		const found = locate(json)!;
		expect([json[found.open], json[found.close], json.slice(found.close)]).toEqual(['[', ']', ']}}']);
		const pieces = [];
		for (let index = 0; index < found.elements.length; index += 2) {
			pieces.push(json.slice(found.elements[index], found.elements[index + 1]));
		}

		expect(pieces).toEqual(['{"a":1}', '2 ', '"x,]"']);
		expect(locate('{"code":0,"data":{"records":[]}}')).toMatchObject({elements: []});
		expect(locate('{"data":{"records":[]},"DATA":{}}')).toBeUndefined();
		expect(locate('{"data":{"records":[],"Records":[]}}')).toBeUndefined();
		expect(locate('{"d\\u0061ta":{"records":[]}}')).toBeUndefined();
		expect(locate('{"data":{"records":{}}}')).toBeUndefined();
		expect(locate('{"data":{"records":[1,]}}')).toBeUndefined();
		expect(locate('{"data":{"records":[,1]}}')).toBeUndefined();
		expect(locate('{"data":{"records":[:{}]}}')).toBeUndefined(); // Found by the property test: a colon before a record
		expect(locate('{"data":{"records":[{},:{}]}}')).toBeUndefined();
		expect(locate('[{"data":{"records":[]}}]')).toBeUndefined();
		expect(locate('{"other":"data","x":{"records":[1]}}')).toBeUndefined();
	});
});
