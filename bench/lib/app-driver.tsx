import {render} from 'ink';
import type {ImportClient, Result} from '../../source/api/types.js';
import {App} from '../../source/app.js';
import type {Config} from '../../source/config/config.js';
import {directTransport} from '../../source/config/transport.js';
import type {Job} from '../../source/model/jobs/job.js';
import {screenStream} from '../../source/terminal/tui-stream.js';
import {FakeTtyIn, FakeTtyOut} from '../../test/helpers/fake-tty.js';

/**
The real App, rendered by Ink with the options and the stream runTui uses (15 fps cap, tui-stream's
screen diff) into a fake TTY that counts bytes, fed by a client whose list answers the bench gives.
*/

export type DriverOptions = {
	readonly columns: number;
	readonly rows: number;
	readonly intervalMs: number;
	/** Epoch ms the App reads; default the wall clock. */
	readonly now?: () => number;
	/** Answer every list at once with these jobs (idle measurements); otherwise `answer` does. */
	readonly autoAnswer?: () => readonly Job[];
};

const config = (intervalMs: number): Config => ({
	uri: 'http://127.0.0.1:19530',
	token: undefined,
	dbName: undefined,
	collections: [],
	intervalMs,
	timeoutMs: 10_000,
	initialStates: [],
	initialFilter: '',
	initialSort: {column: 'state', reverse: false},
	color: true,
	ascii: false,
	bell: false,
	stallAfterMs: 600_000,
	readOnly: false,
	transport: directTransport,
});

/** The bench ends the App itself (unmount), so `q` is never pressed. */
const ignore = (): void => undefined;

const ok = <T,>(value: T): Result<T> => ({ok: true, value});

export const startApp = (options: DriverOptions) => {
	const out = new FakeTtyOut(options.columns, options.rows);
	const input = new FakeTtyIn();
	const waiting: Array<(result: Result<readonly Job[]>) => void> = [];
	let lists = 0;
	let rendered: (() => void) | undefined;
	/** Ink's own time per frame (tree → output string), as its onRender reports it. */
	const renderTimes: number[] = [];
	const client: ImportClient = {
		async listImportJobs() {
			lists++;
			if (options.autoAnswer) {
				return ok(options.autoAnswer());
			}

			return new Promise(resolve => {
				waiting.push(resolve);
			});
		},
		async describeImportJob() {
			return {ok: false, error: {kind: 'not-supported', endpoint: 'describe'}};
		},
		async listCollections() {
			return ok(['books', 'movies']);
		},
		async listDatabases() {
			return {ok: false, error: {kind: 'not-supported', endpoint: 'databases/list'}};
		},
	};

	const screen = screenStream(out.asStream());
	const instance = render(
		<App client={client} config={config(options.intervalMs)} serverLabel='http://127.0.0.1:19530' now={options.now} onExit={ignore}/>,
		{
			stdout: screen.stream,
			stdin: input.asStream(),
			maxFps: 15,
			exitOnCtrlC: false,
			patchConsole: false,
			onRender({renderTime}) {
				renderTimes.push(renderTime);
				rendered?.();
			},
		},
	);

	/** Resolves once `predicate` holds for what has been written since this call, or rejects after `timeoutMs`. */
	const written = async (predicate: (text: string) => boolean, timeoutMs = 10_000): Promise<void> => new Promise((resolve, reject) => {
		let text = '';
		const timer = setTimeout(() => {
			out.onWrite = undefined;
			reject(new Error(`no such frame within ${timeoutMs} ms`));
		}, timeoutMs);
		out.onWrite = chunk => {
			text += chunk;
			if (predicate(text)) {
				clearTimeout(timer);
				out.onWrite = undefined;
				resolve();
			}
		};
	});

	return {
		out,
		input,
		get lists() {
			return lists;
		},
		renderTimes,
		get pending() {
			return waiting.length;
		},
		/** Settles the oldest list request with `jobs`. */
		answer(jobs: readonly Job[]) {
			const resolve = waiting.shift();
			if (resolve === undefined) {
				throw new Error('no list request is waiting');
			}

			resolve(ok(jobs));
		},
		written,
		/** Resolves after Ink's next render pass has run and written (or found nothing changed). */
		async nextRender(): Promise<void> {
			return new Promise(resolve => {
				rendered = () => {
					rendered = undefined;
					// Ink writes the frame right after its onRender callback, in the same call.
					setImmediate(resolve);
				};
			});
		},
		/** Resolves after `quietMs` without a write (the 15 fps throttle is 67 ms). */
		async quiet(quietMs = 150): Promise<void> {
			for (;;) {
				const before = out.writes;
				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => {
					setTimeout(resolve, quietMs);
				});
				if (out.writes === before) {
					return;
				}
			}
		},
		stop() {
			instance.unmount();
			screen.dispose();
		},
	};
};

export type AppDriver = ReturnType<typeof startApp>;
