import {createServer} from 'node:http';
import {describe, expect, test} from 'vitest';
import {createBodyBuffer} from '../../source/api/body-buffer.js';
import {createMilvusClient} from '../../source/api/client.js';

describe('the list body buffer', () => {
	/** Leases a block and writes `size` bytes of `value` into it, in two chunks; the bytes written. */
	const write = (buffer: ReturnType<typeof createBodyBuffer>, size: number, value: number): Uint8Array => {
		const sink = buffer.lease()!;
		sink.append(new Uint8Array(Math.floor(size / 2)).fill(value));
		sink.append(new Uint8Array(size - Math.floor(size / 2)).fill(value));
		return sink.bytes();
	};

	test('lent to one reader at a time, grown when needed with what was written, the same memory again once given back', () => {
		const buffer = createBodyBuffer();
		const sink = buffer.lease()!;
		sink.append(new Uint8Array(60).fill(1));
		sink.append(new Uint8Array(40).fill(2)); // Outgrows the 75 bytes the first chunk got: copied into a bigger block
		const first = sink.bytes();
		expect(first.byteLength).toBe(100);
		expect([...first.subarray(58, 62)]).toEqual([1, 1, 2, 2]);
		expect(sink.bytes()).toBe(first); // One view until the next append
		expect(buffer.lease()).toBeUndefined();
		buffer.release();
		const again = write(buffer, 110, 3);
		expect(again.byteLength).toBe(110);
		expect(again.buffer).toBe(first.buffer); // 150 bytes were allocated (twice 75): 110 fits, written from the start
		expect(again.every(byte => byte === 3)).toBe(true);
		buffer.release();
		expect(write(buffer, 1000, 4).buffer).not.toBe(first.buffer);
		expect(buffer.lease()).toBeUndefined();
	});

	test('list calls that overlap on one client each get their own answer', async () => {
		let served = 0;
		const server = createServer((request, response) => {
			request.resume();
			request.on('end', () => {
				const id = ++served;
				const records = Array.from({length: 2000}, (_, index) => ({
					jobId: `${id}-${index}`, collectionName: 'c', state: 'Importing', progress: id, reason: 'r'.repeat(id * 10),
				}));
				// The answers are written slowly, in pieces, so the calls' reads interleave.
				const text = JSON.stringify({code: 0, data: {records}});
				response.write(text.slice(0, 1000));
				setTimeout(() => {
					response.end(text.slice(1000));
				}, 20 * (3 - id));
			});
		});
		await new Promise<void>(resolve => {
			server.listen(0, '127.0.0.1', resolve);
		});
		try {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			const client = createMilvusClient({uri: `http://127.0.0.1:${port}`, timeoutMs: 5000});
			const results = await Promise.all([client.listImportJobs(), client.listImportJobs(), client.listImportJobs()]);
			const seen = results.map(result => {
				expect(result.ok).toBe(true);
				const jobs = result.ok ? result.value : [];
				expect(jobs).toHaveLength(2000);
				const id = Number(jobs[0]!.jobId.split('-')[0]);
				expect(jobs.every(job => job.jobId.startsWith(`${id}-`) && job.progress === id && job.reason === 'r'.repeat(id * 10))).toBe(true);
				return id;
			});
			expect(seen.toSorted((a, b) => a - b)).toEqual([1, 2, 3]);
			// And after them, the buffer serves the next call
			const next = await client.listImportJobs();
			expect(next.ok && next.value[0]!.jobId).toBe('4-0');
		} finally {
			server.close();
		}
	});
});
