import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {performance} from 'node:perf_hooks';
import {Agent} from 'undici';
import {afterAll, expect, test} from 'vitest';
import {createFetch} from '../../source/api/fetch.js';

const server = createServer((request, response) => {
	request.resume();
	request.on('end', () => {
		response.end('{"code":0,"data":{"records":[]}}');
	});
});
await new Promise<void>(resolve => {
	server.listen(0, '127.0.0.1', resolve);
});
afterAll(async () => new Promise<void>(resolve => {
	server.close(() => {
		resolve();
	});
}));

test('polling does not fill the process\' performance timeline: at most the last exchange is kept', async () => {
	const fetch = createFetch(new Agent());
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/vectordb/jobs/import/list`; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- listening on TCP
	for (let poll = 0; poll < 20; poll++) {
		// eslint-disable-next-line no-await-in-loop
		const response = await fetch(url, {method: 'POST', body: '{}'});
		// eslint-disable-next-line no-await-in-loop
		expect(await response.text()).toContain('"records"');
	}

	// undici reports an exchange once its body has been read: without the clearing there would be 20.
	expect(performance.getEntriesByType('resource').length).toBeLessThanOrEqual(1);
});
