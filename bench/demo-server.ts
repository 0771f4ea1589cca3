import {performance} from 'node:perf_hooks';
import {startDemoServer} from '../source/demo/index.js';
import {traitsOf} from '../source/demo/flavor.js';
import {handle} from '../source/demo/routes.js';
import {seededRandom} from '../source/demo/rng.js';
import {makeDemoJob, seedWorld} from '../source/demo/seed.js';
import {tick, type Rules} from '../source/demo/world.js';

/** How fast the demo server answers: in-process list over a seeded world, and HTTP round trips. Prints numbers only. */

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

const runs = async (count: number, once: () => Promise<number> | number): Promise<number> => {
	await once(); // Warm-up
	const results: number[] = [];
	for (let i = 0; i < count; i++) {
		// eslint-disable-next-line no-await-in-loop
		results.push(await once());
	}

	return median(results);
};

let worldSize = 0;

const inProcess = (jobs: number): number => {
	const random = seededRandom(1);
	const rules: Rules = {flavor: '2.6', retentionMs: 3_600_000, arrivalMs: 1000};
	let world = seedWorld(0, random, rules);
	world = tick(world, jobs * 1000, {random, rules: {...rules, arrivalMs: 1000}, make: makeDemoJob});
	const now = jobs * 1000;
	worldSize = world.jobs.size;
	const iterations = 2000;
	const started = performance.now();
	for (let i = 0; i < iterations; i++) {
		handle({
			world, now, random, flavor: '2.6', traits: traitsOf('2.6'), rules, auth: undefined, makeJob: makeDemoJob,
		}, {
			method: 'POST', path: '/v2/vectordb/jobs/import/list', authorization: undefined, dbName: undefined, body: '{}',
		});
	}

	return ((performance.now() - started) * 1000) / iterations; // Microseconds per list
};

const server = await startDemoServer({random: seededRandom(1)});
const roundTrip = async (path: string, body: string): Promise<number> => {
	const count = 200;
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		// eslint-disable-next-line no-await-in-loop
		const response = await fetch(`${server.url}/v2/vectordb${path}`, {method: 'POST', body});
		// eslint-disable-next-line no-await-in-loop
		await response.text();
	}

	return ((performance.now() - started) * 1000) / count;
};

const listUs = await runs(5, async () => roundTrip('/jobs/import/list', '{}'));
const describeUs = await runs(5, async () => roundTrip('/jobs/import/describe', '{"jobId":"1"}'));
const seeded = await runs(5, () => inProcess(20));
console.log(`in-process list, seeded world (${worldSize} jobs): ${seeded.toFixed(1)} µs/request (median of 5 × 2000)`);
console.log(`HTTP list round trip (fetch, keep-alive): ${(listUs / 1000).toFixed(3)} ms/request (median of 5 × 200)`);
console.log(`HTTP describe round trip: ${(describeUs / 1000).toFixed(3)} ms/request (median of 5 × 200)`);
await server.close();
