import {createServer} from 'node:http';
import {describe, expect, test} from 'vitest';
import {createBodyBuffer} from '../../source/api/body-buffer.js';
import {createMilvusClient} from '../../source/api/client.js';

describe('the list body buffer', () => {
	test('lent to one reader at a time, grown when needed, the same memory again once given back', () => {
		const buffer = createBodyBuffer();
		const first = buffer.lease(100)!;
		expect(first.byteLength).toBe(100);
		expect(buffer.lease(10)).toBeUndefined();
		buffer.release(false);
		const again = buffer.lease(110)!;
		expect(again.byteLength).toBe(110);
		expect(again.buffer).toBe(first.buffer); // 100 × 1.25 was allocated: 110 fits
		buffer.release(false);
		expect(buffer.lease(1000)!.buffer).not.toBe(first.buffer);
	});

	test('a kept block is not lent again until the other one is kept', () => {
		const buffer = createBodyBuffer();
		const a = buffer.lease(100)!;
		a.fill(1);
		buffer.release(true); // The reader holds a
		const b = buffer.lease(100)!;
		expect(b.buffer).not.toBe(a.buffer);
		b.fill(2);
		buffer.release(false); // Not held: b is lent again, a stays as it was
		const b2 = buffer.lease(120)!;
		expect(b2.buffer).toBe(b.buffer);
		b2.fill(3);
		expect(a.every(byte => byte === 1)).toBe(true);
		buffer.release(true); // Now b is held: a is free
		const grown = buffer.lease(1000)!; // a, outgrown: replaced
		expect(grown.buffer).not.toBe(a.buffer);
		expect(grown.buffer).not.toBe(b.buffer);
		grown.fill(4);
		expect(b2.every(byte => byte === 3)).toBe(true);
		buffer.release(true);
		expect(buffer.lease(10)!.buffer).toBe(b.buffer);
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
