// Builds what `npx milvus-import-top` runs: source/cli.tsx bundled by esbuild into dist/cli.js.
// Why a bundle: Node's ESM loader resolves, opens and (for CommonJS packages such as React) scans
// every file of every dependency; one file per lazily loaded part skips nearly all of that (issue 5).
// Code splitting keeps the live screen (Ink, React, yoga), the demo server and the clients in chunks
// that cli.tsx imports only when it needs them, so --help and the script modes stay light.
// Usage: node scripts/bundle.js [--metafile]  (--metafile also writes bench/.out/bundle-meta.json, for esbuild's analyzer)
import {
	existsSync, mkdirSync, readFileSync, rmSync, writeFileSync,
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

/** The folder holding the package.json of the package that `file` belongs to. */
const packageRoot = file => {
	let directory = path.dirname(file);
	while (!existsSync(path.join(directory, 'package.json')) && path.dirname(directory) !== directory) {
		directory = path.dirname(directory);
	}

	return directory;
};

/**
npm installs the same version of a package several times when it cannot hoist it: Ink, widest-line and
cli-truncate each have their own string-width 8.3.0. esbuild would bundle (and Node evaluate) every
copy, and each copy compiles its own /^\p{RGI_Emoji}$/v, which costs V8 ~40–100 ms the first time a
non-ASCII character is measured. Same name and version: bundle one copy.
*/
const dedupeSameVersion = {
	name: 'dedupe-same-version',
	setup(build) {
		const firstCopy = new Map();
		// eslint-disable-next-line require-unicode-regexp -- a Go regular expression
		build.onResolve({filter: /^[^./]/}, async arguments_ => {
			if (arguments_.pluginData === 'dedupe' || arguments_.path.startsWith('node:')) {
				return undefined;
			}

			const resolved = await build.resolve(arguments_.path, {
				kind: arguments_.kind, resolveDir: arguments_.resolveDir, importer: arguments_.importer, pluginData: 'dedupe',
			});
			if (resolved.errors.length > 0 || resolved.external || !resolved.path.includes(`${path.sep}node_modules${path.sep}`)) {
				return resolved.errors.length > 0 ? undefined : resolved;
			}

			const root = packageRoot(resolved.path);
			const {name, version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
			const key = `${name}@${version}:${path.relative(root, resolved.path)}`;
			const first = firstCopy.get(key);
			if (first === undefined) {
				firstCopy.set(key, resolved.path);
				return resolved;
			}

			return {...resolved, path: first};
		});
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
	legalComments: 'none',
	plugins: [skipWhatwgUrl, inkWithoutDevtools, dedupeSameVersion, yogaWithoutFetch],
	metafile: wantMeta,
	logLevel: 'warning',
});

if (wantMeta) {
	mkdirSync(path.join(root, 'bench', '.out'), {recursive: true});
	writeFileSync(path.join(root, 'bench', '.out', 'bundle-meta.json'), JSON.stringify(result.metafile));
}
