import {createServer} from 'node:http';
import {seededRandom, shuffle} from '../../source/demo/rng.js';

/**
A Milvus-shaped list endpoint over a world that moves on its own clock (not per request, so two
clients polling it see the same world): every `tickMs`, `changing` jobs move on a state (Pending →
Importing → Completed or, one in ten, Failed; a finished job is replaced by a new Pending one) and
as many Importing jobs gain a percent. Every job has a reason of 150–250 characters naming a
parquet file, as a failed import's reason does. Deterministic.
*/
export type World = {
	readonly url: string;
	/** List requests answered, by client: `curl` (watch's), `other` (a curl sending another user agent) and `app`. */
	readonly polls: {curl: number; other: number; app: number};
	close(): void;
};

type Record_ = {jobId: string; collectionName: string; state: string; progress: number; reason: string};

const collections = ['books', 'movies', 'quick_setup', 'events', 'clicks', 'products_v2', 'reviews', 'images'];

const reasonFor = (index: number): string => {
	const path = `s3://milvus-bulk-ingest-prod/warehouse/tenant_${String(index % 97).padStart(3, '0')}/embeddings/2026/12/${String(1 + (index % 28)).padStart(2, '0')}/batch-${String(index).padStart(6, '0')}/part-${String(index % 1000).padStart(5, '0')}-5f0c2a4e-8d1b-4c77-9a0e-c000.snappy.parquet`;
	const tail = 'x'.repeat(index % 60);
	return `failed to read ${path}: the dim (512) of field 'embedding' does not match the schema (768)${tail === '' ? '' : ` ${tail}`}`;
};

/**
`tickMs`: the world's clock (2 s). `shuffle` (on unless false): every answer lists the jobs in a new order, as Milvus
does (its list comes out of a Go map: docs/milvus-rest.md); seeded (Park–Miller's generator), so a run is repeatable.
Figures in the README from before December 2026 were taken with one fixed order. `cycle`: a moving job
that reaches 99 % completes (100 %), and a new job takes the place of another completed one, Importing from
1 %: the world keeps moving for as long as the run lasts (without it, a dozen jobs stop moving after ~4 minutes).
*/
export const startWorld = async (count: number, changing: number, moving: number, options: {readonly tickMs?: number; readonly shuffle?: boolean; readonly cycle?: boolean} = {}): Promise<World> => {
	const random = seededRandom(20_251_206);
	const listed = (records: readonly Record_[]): readonly Record_[] => options.shuffle === false ? records : shuffle(random, records);

	let next = 0;
	const make = (state: string): Record_ => {
		const index = next++;
		return {
			jobId: String(454_891_732_197_000_000n + BigInt(index * 7919)),
			collectionName: collections[(index * 5) % collections.length]!,
			state,
			progress: state === 'Completed' ? 100 : (state === 'Importing' ? 10 + (index % 80) : 0),
			reason: reasonFor(index),
		};
	};

	const states = ['Pending', 'Importing', 'Importing', 'Completed', 'Completed', 'Completed', 'Failed'];
	const jobs: Record_[] = Array.from({length: count}, (_, index) => make(states[index % states.length]!));
	let step = 0;
	const timer = setInterval(() => {
		step++;
		for (let k = 0; k < changing; k++) {
			const index = ((step * 7919) + (k * 104_729)) % jobs.length;
			const job = jobs[index]!;
			switch (job.state) {
				case 'Pending': {
					jobs[index] = {...job, state: 'Importing', progress: 1};
					break;
				}

				case 'Importing': {
					jobs[index] = (index + step) % 10 === 0 ? {...job, state: 'Failed'} : {...job, state: 'Completed', progress: 100};
					break;
				}

				default: {
					jobs[index] = make('Pending');
				}
			}
		}

		let moved = 0;
		for (let offset = 0; offset < jobs.length && moved < moving; offset++) {
			const index = (offset + (step * 31)) % jobs.length;
			const job = jobs[index]!;
			if (job.state === 'Importing' && job.progress < 99) {
				jobs[index] = {...job, progress: job.progress + 1};
				moved++;
			} else if (options.cycle === true && job.state === 'Importing') {
				jobs[index] = {...job, state: 'Completed', progress: 100};
				const done = jobs.findIndex((other, at) => at !== index && other.state === 'Completed');
				if (done !== -1) {
					jobs[done] = {...make('Importing'), progress: 1};
				}

				moved++;
			}
		}
	}, options.tickMs ?? 2000);
	const polls = {curl: 0, other: 0, app: 0};
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.setHeader('Content-Type', 'application/json; charset=utf-8');
			const url = request.url ?? '';
			if (url.endsWith('/jobs/import/list')) {
				const agent = request.headers['user-agent'] ?? '';
				if (agent.startsWith('curl/')) {
					polls.curl++;
				} else if (agent.startsWith('other/')) {
					polls.other++;
				} else {
					polls.app++;
				}

				response.end(JSON.stringify({code: 0, data: {records: listed(jobs)}}));
			} else if (url.endsWith('/collections/list')) {
				response.end(JSON.stringify({code: 0, data: collections}));
			} else if (url.endsWith('/databases/list')) {
				response.end(JSON.stringify({code: 0, data: ['default']}));
			} else {
				response.statusCode = 404;
				response.end('404 page not found');
			}
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`,
		polls,
		close() {
			clearInterval(timer);
			server.close();
		},
	};
};
