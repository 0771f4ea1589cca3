// Builds what `npx milvus-import-top` runs: source/cli.tsx bundled by esbuild into dist/cli.js.
// Why a bundle: Node's ESM loader resolves, opens and (for CommonJS packages such as React) scans
// every file of every dependency; one file per lazily loaded part skips nearly all of that (issue 5).
// Code splitting keeps the live screen (Ink, React, yoga), the demo server and the clients in chunks
// that cli.tsx imports only when it needs them, so --help and the script modes stay light.
// Usage: node scripts/bundle.js [--metafile]  (--metafile also writes bench/.out/bundle-meta.json, for esbuild's analyzer)
import {
	mkdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const wantMeta = process.argv.includes('--metafile');

/**
node-fetch 2 (under cross-fetch) requires whatwg-url but on Node only reads `Url.URL || whatwgUrl.URL`
(node-fetch/lib/index.js), and Node always has url.URL. Evaluating whatwg-url anyway costs the first
request 20–60 ms (tr46's 286 kB mapping table) and, from a bundle outside node_modules, the punycode
deprecation warning on Node 22. The stub hands over Node's own URL instead.
*/
const skipWhatwgUrl = {
	name: 'skip-whatwg-url',
	setup(build) {
		// esbuild's filters are Go regular expressions: no v flag.
		/* eslint-disable require-unicode-regexp */
		build.onResolve({filter: /^whatwg-url$/}, arguments_ => arguments_.importer.includes(`${path.sep}node-fetch${path.sep}`) ? {path: 'whatwg-url', namespace: 'node-url'} : undefined);
		build.onLoad({filter: /.*/, namespace: 'node-url'}, () => ({contents: 'module.exports = {URL: globalThis.URL};', loader: 'js'}));
		/* eslint-enable require-unicode-regexp */
	},
};

/**
yoga-layout's Emscripten loader fetches its own wasm from a data: URL whenever a global fetch exists.
In Node that loads undici (Node's fetch, ~30–60 ms) only to decode base64; without fetch the same
loader decodes it with atob. The build fails if a yoga-layout update changes the loader.
*/
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		// eslint-disable-next-line require-unicode-regexp -- a Go regular expression
		build.onLoad({filter: /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/}, arguments_ => {
			const source = readFileSync(arguments_.path, 'utf8');
			const test = '"function"!=typeof fetch';
			const count = source.split(test).length - 1;
			if (count !== 2) {
				throw new Error(`yoga-without-fetch: expected the wasm loader's 2 fetch checks, found ${count}; review scripts/bundle.js`);
			}

			return {contents: source.replaceAll(test, '!0'), loader: 'js'};
		});
	},
};

/**
With DEV=true Ink connects to React DevTools (ws, 125 kB, plus react-devtools-core, which is not shipped)
and reads its own package.json next to its files, which a bundle does not have. DEV is a common name in
people's shells, so in the bundle Ink's isDev() is false and the DevTools bridge is left out.
*/
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(build) {
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onResolve({filter: /^\.\/devtools\.js$/}, arguments_ => arguments_.importer.includes(`${path.sep}ink${path.sep}`) ? {path: './ink-devtools-not-bundled.js', external: true} : undefined);
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]utils\.js$/}, arguments_ => {
			const source = readFileSync(arguments_.path, 'utf8');
			const test = 'const isDev = () => process.env[\'DEV\'] === \'true\';';
			if (!source.includes(test)) {
				throw new Error('ink-without-devtools: Ink\'s isDev() changed; review scripts/bundle.js');
			}

			return {contents: source.replace(test, 'const isDev = () => false;'), loader: 'js'};
		});
		/* eslint-enable require-unicode-regexp */
	},
};

/**
One string-width for the whole bundle: source/text/string-width.ts (the project's string-width 7 with
an ASCII fast path). Otherwise the live screen carries string-width 8 three times (Ink, widest-line,
cli-truncate; yargs a fourth), and each copy compiles its own /^\p{RGI_Emoji}$/v the first time it
measures a non-ASCII character (a border, a progress bar): 30–100 ms of V8 regexp compile per copy on
the way to the first frame (issue 5). With one implementation Ink also places characters with the
same widths the table cells were padded with.
*/
const wrapper = path.join(root, 'source', 'text', 'string-width.ts');
const oneStringWidth = {
	name: 'one-string-width',
	setup(build) {
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onResolve({filter: /^string-width$/}, async arguments_ => {
			if (arguments_.pluginData === 'real') {
				return undefined;
			}

			return arguments_.importer === wrapper
				? build.resolve('string-width', {kind: arguments_.kind, resolveDir: root, pluginData: 'real'}) // The project's own dependency
				: {path: 'string-width', namespace: 'one-string-width'};
		});
		build.onLoad({filter: /.*/, namespace: 'one-string-width'}, () => ({
			contents: `export {fastStringWidth as default} from ${JSON.stringify(wrapper)};`, loader: 'js', resolveDir: root,
		}));
		/* eslint-enable require-unicode-regexp */
	},
};

rmSync(outdir, {recursive: true, force: true}); // Chunk names are content hashes: stale ones would pile up and be packed.

const result = await build({
	entryPoints: {cli: path.join(root, 'source', 'cli.tsx')},
	outdir,
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20.19',
	// React's production build: the development one costs the live screen about 2× the CPU.
	define: {'process.env.NODE_ENV': '"production"'},
	// CommonJS dependencies (cross-fetch → node-fetch → whatwg-url, React) call require() for Node built-ins;
	// an ES module has no require, so give the bundle one.
	banner: {js: 'import {createRequire as __createRequire} from \'node:module\'; const require = __createRequire(import.meta.url);'},
	// Minified, the live screen's first row comes ~10 ms sooner (less for V8 to scan and compile); the
	// source maps beside the chunks are not packed, but `node --enable-source-maps dist/cli.js` uses them.
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	plugins: [skipWhatwgUrl, inkWithoutDevtools, oneStringWidth, yogaWithoutFetch],
	metafile: wantMeta,
	logLevel: 'warning',
});

if (wantMeta) {
	mkdirSync(path.join(root, 'bench', '.out'), {recursive: true});
	writeFileSync(path.join(root, 'bench', '.out', 'bundle-meta.json'), JSON.stringify(result.metafile));
}
