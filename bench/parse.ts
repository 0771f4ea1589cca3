/**
Time to turn a list response body (text) into Job[]: json.ts + parse.ts, as every poll does.
Prints numbers only; speed is not asserted. Run:
npx esbuild bench/parse.ts --bundle --platform=node --format=esm --packages=external --outfile=bench/.out/parse.mjs && node bench/.out/parse.mjs
*/
import {Buffer} from 'node:buffer';
import {readJson} from '../source/api/json.js';
import {createBodyBuffer} from '../source/api/body-buffer.js';
import {createListReader} from '../source/api/list-records.js';
import {parseListResponse} from '../source/api/parse.js';
import {seededRandom, shuffle} from '../source/demo/rng.js';

const states = ['Importing', 'Importing', 'Importing', 'Pending', 'Completed', 'Completed', 'Failed', 'None'] as const;
const reasons = [
	'import timeout',
	'the dimension of field \'vector\' mismatch: expected 768, got 384',
	'failed to get file size of \'a6fb2d1c/missing.parquet\': The specified key does not exist.',
];

/** A body shaped like Milvus 2.5+: 18-digit string ids, sorted keys, `reason` only when non-empty. */
const listBody = (count: number, numericIds: boolean): string => {
	const records = [];
	for (let index = 0; index < count; index++) {
		const state = states[index % states.length]!;
		const id = (454_891_732_197_474_512n + BigInt(index)).toString();
		const progress = state === 'Completed' ? 100 : (state === 'Failed' || state === 'None' ? 0 : (index * 7) % 90);
		const reason = state === 'Failed' ? reasons[index % reasons.length] : (state === 'None' ? 'unknown import job state' : undefined);
		const jobId = numericIds ? id : `"${id}"`;
		const reasonField = reason === undefined ? '' : `,"reason":${JSON.stringify(reason)}`;
		records.push(`{"collectionName":"collection_${index % 40}","jobId":${jobId},"progress":${progress}${reasonField},"state":"${state}"}`);
	}

	return `{"code":0,"data":{"records":[${records.join(',')}]}}`;
};

const parse = (text: string): number => {
	const json = readJson(text);
	const result = json.ok ? parseListResponse(json.value) : undefined;
	if (!result?.ok) {
		throw new Error('benchmark body did not parse');
	}

	return result.value.length;
};

const median = (values: number[]): number => {
	const sorted = values.toSorted((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

const time = (text: string, expected: number, work: (text: string) => number = parse): number => {
	const runs = Math.max(5, Math.min(50, Math.round(200_000 / expected)));
	for (let warm = 0; warm < 3; warm++) {
		work(text);
	}

	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const count = work(text);
		samples.push(performance.now() - started);
		if (count !== expected) {
			throw new Error(`expected ${expected} jobs, got ${count}`);
		}
	}

	return median(samples);
};

const rows: string[] = [];
for (const count of [1000, 10_000, 100_000]) {
	const plain = listBody(count, false);
	const numeric = listBody(count, true);
	const baseline = time(plain, count, text => (JSON.parse(text) === null ? 0 : count));
	const fast = time(plain, count);
	const slow = time(numeric, count);
	rows.push([
		String(count).padStart(7),
		`${(plain.length / 1024 / 1024).toFixed(2)} MiB`.padStart(10),
		`${baseline.toFixed(2)} ms`.padStart(10),
		`${fast.toFixed(2)} ms`.padStart(11),
		`${slow.toFixed(2)} ms`.padStart(11),
		`${(fast / count * 1000).toFixed(2)} µs`.padStart(9),
	].join('  '));
}

console.log(`parse list body → Job[] (median; node ${process.version})`);
console.log(['   jobs', '      body', 'JSON.parse', ' string ids', 'numeric ids', '  per job'].join('  '));
for (const row of rows) {
	console.log(row);
}

/** A record as the bench worlds list them: ~350 bytes, a 150–250-character parquet path as its reason. */
const worldRecord = (index: number): Record<string, unknown> => {
	const path = `s3://milvus-bulk-ingest-prod/warehouse/tenant_${String(index % 97).padStart(3, '0')}/embeddings/2026/12/batch-${String(index).padStart(6, '0')}/part-${String(index % 1000).padStart(5, '0')}.snappy.parquet`;
	return {
		collectionName: `collection_${index % 40}`,
		jobId: (454_891_732_197_474_512n + BigInt(index * 7919)).toString(),
		progress: (index * 7) % 100,
		reason: `failed to read ${path}: the dim (512) of field 'embedding' does not match the schema (768) ${'x'.repeat(index % 60)}`,
		state: states[index % states.length],
	};
};

/**
Polls as the live screen reads them (list-records.ts): the body as bytes, read into the client's body
buffer, 1 % of its records changed since the last answer and the records in a new (seeded) random
order every poll, as Milvus lists them; against the plain way (decode, JSON.parse all, parse every
record) on the same bodies. Building the bodies is not timed.
*/
const byRecord = (count: number): {plain: number; reader: number; bytes: number} => {
	const records = Array.from({length: count}, (_, index) => worldRecord(index));
	const random = seededRandom(count);
	const read = createListReader();
	const buffer = createBodyBuffer();
	const plainTimes: number[] = [];
	const readerTimes: number[] = [];
	let size = 0;
	for (let poll = 0; poll < 25; poll++) {
		for (let k = 0; k < count / 100; k++) {
			const index = Math.floor(random() * count);
			records[index] = {...records[index], progress: (poll + k) % 100};
		}

		const text = Buffer.from(JSON.stringify({code: 0, data: {records: shuffle(random, records)}}));
		size = text.length;
		const sink = buffer.lease()!;
		sink.append(text);
		const bytes = sink.bytes();
		let started = performance.now();
		const fast = read(bytes);
		readerTimes.push(performance.now() - started);
		buffer.release();
		started = performance.now();
		const json = readJson(new TextDecoder().decode(text));
		const plain = json.ok ? parseListResponse(json.value) : undefined;
		plainTimes.push(performance.now() - started);
		if (!fast?.ok || !plain?.ok || fast.value.length !== plain.value.length) {
			throw new Error('the record reader and the plain way disagree');
		}
	}

	return {plain: median(plainTimes.slice(5)), reader: median(readerTimes.slice(5)), bytes: size};
};

console.log('\npolls of 1 % changed records in a new random order, as the live screen reads them (median of 20 polls)');
console.log(['   jobs', '      body', '     plain', 'by record'].join('  '));
for (const count of [1000, 10_000, 100_000]) {
	const {plain, reader, bytes} = byRecord(count);
	console.log([
		String(count).padStart(7),
		`${(bytes / 1024 / 1024).toFixed(2)} MiB`.padStart(10),
		`${plain.toFixed(2)} ms`.padStart(10),
		`${reader.toFixed(2)} ms`.padStart(9),
	].join('  '));
}
