// esbuild plugins for scripts/bundle.js: each removes start-up work the live screen does not need (issue 5).
// The ones that patch a dependency's source fail the build when that source changes, so an update is reviewed.
import {readFileSync} from 'node:fs';
import path from 'node:path';

/**
undici's index.js loads all of undici (fetch, WebSocket, EventSource, cache stores, mocks, the HTTP/2
client's users…): ~535 kB minified, where the clients need the dispatchers and their `request`. The source keeps
importing 'undici' (its types); the bundle gets these parts only. A name the shim lacks fails the build.
*/
export const undiciParts = root => ({
	name: 'undici-parts',
	setup(build) {
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onResolve({filter: /^undici$/}, arguments_ => arguments_.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : {path: 'undici', namespace: 'undici-parts'});
		build.onLoad({filter: /.*/, namespace: 'undici-parts'}, () => ({
			contents: [
				'export {default as Agent} from \'undici/lib/dispatcher/agent.js\';',
				'export {default as ProxyAgent} from \'undici/lib/dispatcher/proxy-agent.js\';',
				'export {default as EnvHttpProxyAgent} from \'undici/lib/dispatcher/env-http-proxy-agent.js\';',
				// undici's index.js puts its API methods on every dispatcher: the clients send with `request`
				// (source/api/fetch.ts) and ProxyAgent opens its tunnel with `connect`, so those two are installed here.
				'import Dispatcher from \'undici/lib/dispatcher/dispatcher.js\';',
				'import request from \'undici/lib/api/api-request.js\';',
				'import connect from \'undici/lib/api/api-connect.js\';',
				'Dispatcher.prototype.request = request;',
				'Dispatcher.prototype.connect = connect;',
			].join('\n'),
			loader: 'js',
			resolveDir: root,
		}));
		/* eslint-enable require-unicode-regexp */
	},
});

/** Fails the build unless `source` (a dependency's file) contains `text`: a changed dependency needs a review. */
const assertContains = (source, text, plugin) => {
	if (!source.includes(text)) {
		throw new Error(`${plugin}: the code to patch is gone (a dependency changed); review scripts/lib/bundle-plugins.js`);
	}
};

/** Replaces `from` in `source` (a dependency's file), or fails the build (assertContains). */
const patch = (source, from, to, plugin) => {
	assertContains(source, from, plugin);
	return source.replaceAll(from, to);
};

/**
yoga-layout's Emscripten loader fetches its own wasm from a data: URL whenever a global fetch exists.
In Node that loads undici (Node's fetch, ~30–60 ms) only to decode base64; without fetch the same
loader decodes it with atob and a byte loop (~3 ms, run once and cold), which Buffer does in 0.3 ms.
*/
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		// eslint-disable-next-line require-unicode-regexp -- a Go regular expression
		build.onLoad({filter: /yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/}, arguments_ => {
			let source = readFileSync(arguments_.path, 'utf8');
			source = patch(source, '"function"!=typeof fetch', '!0', 'yoga-without-fetch');
			const byteLoop = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
			source = patch(source, byteLoop, 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))', 'yoga-without-fetch');
			return {contents: source, loader: 'js'};
		});
	},
};

/**
With DEV=true Ink connects to React DevTools (ws, 125 kB, plus react-devtools-core, which is not shipped)
and reads its own package.json next to its files, which a bundle does not have. DEV is a common name in
people's shells, so in the bundle Ink's isDev() is false and the DevTools bridge is left out.
*/
export const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(build) {
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onResolve({filter: /^\.\/devtools\.js$/}, arguments_ => arguments_.importer.includes(`${path.sep}ink${path.sep}`) ? {path: './ink-devtools-not-bundled.js', external: true} : undefined);
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]utils\.js$/}, arguments_ => {
			const source = patch(readFileSync(arguments_.path, 'utf8'), 'const isDev = () => process.env[\'DEV\'] === \'true\';', 'const isDev = () => false;', 'ink-without-devtools');
			return {contents: source, loader: 'js'};
		});
		/* eslint-enable require-unicode-regexp */
	},
};

/**
One string-width for the whole bundle: source/terminal/string-width.ts (the project's string-width 7 with
an ASCII fast path). Otherwise the live screen carries string-width 8 three times (Ink, widest-line,
cli-truncate; yargs a fourth), and each copy compiles its own /^\p{RGI_Emoji}$/v the first time it
measures a non-ASCII character (a border, a progress bar): 30–100 ms of V8 regexp compile per copy on
the way to the first frame (issue 5). With one implementation Ink also places characters with the
same widths the table cells were padded with.
*/
export const oneStringWidth = root => ({
	name: 'one-string-width',
	setup(build) {
		const wrapper = path.join(root, 'source', 'terminal', 'string-width.ts');
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
});

/**
Ink's Output rebuilds every line of every frame from single characters; source/terminal/ink-output.ts
wraps it so a line written the same way as a frame ago is reused (issue 4: CPU per poll). The wrapper
is handed Ink's own tokenizer and string-width, so it builds lines exactly as Ink does.
*/
export const inkFrameCache = root => ({
	name: 'ink-frame-cache',
	setup(build) {
		const wrapper = path.join(root, 'source', 'terminal', 'ink-output.ts');
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]output\.js$/}, arguments_ => {
			let source = readFileSync(arguments_.path, 'utf8');
			source = patch(source, 'export default class Output {', 'class InkOutput {', 'ink-frame-cache');
			// The code appended below uses these imports of the original file: they must still be there.
			assertContains(source, 'import { styledCharsFromTokens, styledCharsToString, tokenize, } from \'@alcalzone/ansi-tokenize\';', 'ink-frame-cache');
			assertContains(source, 'import stringWidth from \'string-width\';', 'ink-frame-cache');
			source += [
				'',
				`import {withFrameCache} from ${JSON.stringify(wrapper)};`,
				'export default withFrameCache(InkOutput, {tokenize, styledCharsFromTokens, styledCharsToString, stringWidth});',
				'',
			].join('\n');
			return {contents: source, loader: 'js'};
		});
		/* eslint-enable require-unicode-regexp */
	},
});

/**
Ink 6 memoizes measureText and wrapText in module-level maps that never forget (ink#986): each
distinct text it ever laid out stays, and a live table whose rows change every poll grows without
end. Both get source/terminal/bounded-cache.ts instead (issue 4: the tool people leave running).
*/
export const inkBoundedCaches = root => ({
	name: 'ink-bounded-caches',
	setup(build) {
		const cacheModule = JSON.stringify(path.join(root, 'source', 'terminal', 'bounded-cache.ts'));
		// Entries per generation: a 60-row frame lays out ~200 texts, and what a frame reads again moves to the
		// new generation, so 500 holds two frames and more. It was 2,000: bounded, but 2,000–4,000 texts of ~300 bytes
		// (most of them rows no longer on screen) in each of the two caches, filled over ~10 minutes at 10k jobs:
		// RSS medians that rose 109 → 117 MB over 9 minutes on Node 26 rose 110 → 115 MB with 500 (a same-time pair).
		const limit = 500;
		/* eslint-disable require-unicode-regexp -- Go regular expressions */
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]measure-text\.js$/}, arguments_ => {
			const source = patch(readFileSync(arguments_.path, 'utf8'), 'const cache = new Map();', `import {boundedCache} from ${cacheModule};\nconst cache = boundedCache(${limit});`, 'ink-bounded-caches');
			return {contents: source, loader: 'js'};
		});
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]wrap-text\.js$/}, arguments_ => {
			let source = readFileSync(arguments_.path, 'utf8');
			source = patch(source, 'const cache = {};', `import {boundedCache} from ${cacheModule};\nconst cache = boundedCache(${limit});`, 'ink-bounded-caches');
			source = patch(source, 'const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);', 'ink-bounded-caches');
			source = patch(source, 'cache[cacheKey] = wrappedText;', 'cache.set(cacheKey, wrappedText);', 'ink-bounded-caches');
			return {contents: source, loader: 'js'};
		});
		/* eslint-enable require-unicode-regexp */
	},
});

/**
Ink 6 cleans the text of every <Text> of escape sequences other than colours at every frame, at each level
of nesting, tokenizing a row's coloured runs into objects again although nothing in them is removed
(~10 % of a 13-job screen's CPU in its first half-minute, README › Ink 6 on Node 20). A text whose only
escapes are colours skips the tokenizer: source/terminal/sanitize-colours.ts.
*/
export const inkSanitizeColours = root => ({
	name: 'ink-sanitize-colours',
	setup(build) {
		const wrapper = JSON.stringify(path.join(root, 'source', 'terminal', 'sanitize-colours.ts'));
		// eslint-disable-next-line require-unicode-regexp -- a Go regular expression
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]sanitize-ansi\.js$/}, arguments_ => {
			const source = patch(readFileSync(arguments_.path, 'utf8'), 'export default sanitizeAnsi;', `import {withColourFastPath} from ${wrapper};\nexport default withColourFastPath(sanitizeAnsi);`, 'ink-sanitize-colours');
			return {contents: source, loader: 'js'};
		});
	},
});

/**
Ink 6's useInput reads the name of every ctrl key, and parseKeypress gives none to sequences it does not
know that still carry a ctrl modifier: Ctrl+F1…F4 (`ESC[1;5P`…`S`), `ESC[1;7P`, and stray sequences such
as `ESC[0m`, `ESC[31m` or `ESC[5n` on stdin. `input` was then undefined and `input.startsWith` threw inside
the stdin listener: the app died with exit 1 on a key (issue 10). Here a key without a name is empty input,
which the keymap ignores. test/e2e/input-fuzz.test.ts feeds every xterm function key with every modifier.
*/
export const inkInputWithoutName = {
	name: 'ink-input-without-name',
	setup(build) {
		// eslint-disable-next-line require-unicode-regexp -- a Go regular expression
		build.onLoad({filter: /[/\\]ink[/\\]build[/\\]hooks[/\\]use-input\.js$/}, arguments_ => {
			let source = readFileSync(arguments_.path, 'utf8');
			const kitty = 'else if (keypress.ctrl && keypress.name.length === 1) {';
			source = patch(source, kitty, kitty.replace('name.length', 'name?.length'), 'ink-input-without-name');
			source = patch(source, `else if (keypress.ctrl) {
                input = keypress.name;`, `else if (keypress.ctrl) {
                input = keypress.name ?? '';`, 'ink-input-without-name');
			// Any other path to a missing name (a new parser branch) still must not throw.
			const strip = 'if (input.startsWith(\'\\u001B\')) {';
			source = patch(source, strip, `input = typeof input === 'string' ? input : '';\n            ${strip}`, 'ink-input-without-name');
			return {contents: source, loader: 'js'};
		});
	},
};
