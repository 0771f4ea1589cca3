import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {startDemoServer, seededRandom, type DemoServer} from '../source/demo/index.js';
import {startTerm} from '../test/helpers/term.js';
import {bufferToSvg, bufferToText} from './lib/svg.js';

/**
docs/screen.svg and docs/screen.txt: the real screen of the built CLI (`npm run build` first) in a PTY,
against the demo server with a fixed seed, read cell by cell from a headless xterm. The README shows
them, so the picture stays true to the app.
Run: npx esbuild scripts/screenshot.ts --bundle --platform=node --format=esm --packages=external --outfile=scripts/.out/screenshot.mjs && node scripts/.out/screenshot.mjs
*/

const cols = 110;
const rows = 28;
/** The package root: the nearest folder up with a package.json (this file runs from scripts/ or bundled in scripts/.out/). */
const findRoot = (from: URL): URL => {
	for (let dir = new URL('./', from); dir.pathname !== '/'; dir = new URL('../', dir)) {
		if (existsSync(new URL('package.json', dir))) {
			return dir;
		}
	}

	throw new Error('no package.json above ' + from.pathname);
};

const root = findRoot(new URL(import.meta.url));
const cli = fileURLToPath(new URL('dist/cli.js', root));

// The demo's clock starts at a fixed moment and runs at real speed: same jobs and ids on every run.
const epoch = Date.UTC(2026, 2, 14, 9, 30);
const started = Date.now();
const clock = () => epoch + (Date.now() - started);

/** Milvus' own port reads naturally in the header; any free port when it is taken. */
const startServer = async (): Promise<DemoServer> => {
	const options = {
		random: seededRandom(7), clock, tickMs: 0, retentionMs: 3_600_000,
	};
	try {
		return await startDemoServer({...options, port: 19_530});
	} catch {
		return startDemoServer({...options, port: 0});
	}
};

const server = await startServer();
const term = startTerm(process.execPath, [cli, '--uri', server.url, '--interval', '1'], {
	cols, rows, cwd: fileURLToPath(root), env: {NO_COLOR: undefined, FORCE_COLOR: undefined, COLORTERM: 'truecolor'},
});
try {
	// Rows, and a rate for some running job: at least two polls have been seen.
	await term.waitFor(screen => screen.includes('%/m') && /\d{18} +\S+ +\S+ +\d+%/v.test(screen), 'rows with rates', 20_000);
	const terminal = new xterm.Terminal({cols, rows, allowProposedApi: true});
	await new Promise<void>(resolve => {
		terminal.write(term.output(), resolve);
	});
	const docs = new URL('docs/', root);
	mkdirSync(docs, {recursive: true});
	const {active} = terminal.buffer;
	writeFileSync(new URL('screen.svg', docs), bufferToSvg(active, {cols, rows, title: 'milvus-import-top watching the demo server'}));
	writeFileSync(new URL('screen.txt', docs), bufferToText(active, rows));
	console.log(`wrote docs/screen.svg and docs/screen.txt (${cols}×${rows})`);
	term.write('q');
	await term.waitForExit();
} finally {
	term.kill('SIGKILL');
	await server.close();
}
