import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll} from 'vitest';
import {
	startDemoServer, seededRandom, type DemoServer, type Flavor,
} from '../../source/demo/index.js';
import {startTerm, type Term, type TermOptions} from '../helpers/term.js';

/** The built CLI, as `npx` would run it (`npm test` builds before vitest). */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A PTY of this size by default: wide enough for every column, rows − 1 frame well above the minimum. */
export const startCli = (args: readonly string[], options: TermOptions = {}): Term =>
	startTerm(process.execPath, [cliPath, ...args], {cols: 110, rows: 28, ...options});

/** The demo server with a fixed seed, no arrivals (the rows stay the same jobs) and no expiry during a test. */
export const startSeededDemo = async (port = 0, flavor?: Flavor): Promise<DemoServer> =>
	startDemoServer({
		port, flavor, random: seededRandom(7), tickMs: 0, retentionMs: 3_600_000,
	});

export type ScreenRow = {readonly jobId: string; readonly collection: string; readonly percent: number; readonly line: string};

// A job row: … <19-digit id> <collection> <bar> <n>% …; the bar has no spaces in it.
const rowPattern = /(?<id>\d{15,20}) +(?<collection>\S+) +\S+ +(?<percent>\d{1,3})%/v;

/** The job rows visible on a screen, top to bottom. */
export const jobRows = (screen: string): ScreenRow[] => screen.split('\n').flatMap(line => {
	const groups = rowPattern.exec(line)?.groups;
	return groups === undefined
		? []
		: [{
			jobId: groups['id']!, collection: groups['collection']!, percent: Number(groups['percent']), line,
		}];
});

/** Lines of the screen holding `text` (a crude check that something is not shown twice). */
export const count = (screen: string, text: string): number => screen.split('\n').filter(line => line.includes(text)).length;

export type SeededDemo = {
	/** The demo server's base URL (valid inside tests, after beforeAll). */
	readonly url: () => string;
	/** Starts the CLI against it in a PTY (killed after the file's tests). */
	readonly start: (args?: readonly string[], options?: TermOptions) => Term;
	/** Kills `term` after the file's tests too (a PTY started some other way). */
	readonly track: (term: Term) => Term;
};

/** One seeded demo server for a test file, and every PTY it starts killed when the file ends. */
export const seededDemoPerFile = (): SeededDemo => {
	let server: DemoServer | undefined;
	const running: Term[] = [];
	beforeAll(async () => {
		server = await startSeededDemo();
	});
	afterAll(async () => {
		for (const term of running) {
			term.kill('SIGKILL');
		}

		await server?.close();
	});
	const url = (): string => {
		if (server === undefined) {
			throw new Error('the demo server starts in beforeAll');
		}

		return server.url;
	};

	const track = (term: Term): Term => {
		running.push(term);
		return term;
	};

	return {
		url,
		start: (args = ['--uri', url(), '--interval', '0.5'], options = {}) => track(startCli(args, options)),
		track,
	};
};
