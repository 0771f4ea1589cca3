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
import {
	inkBoundedCaches, inkFrameCache, inkInputWithoutName, inkSanitizeColours, inkWithoutDevtools, oneStringWidth, undiciParts, yogaWithoutFetch,
} from './lib/bundle-plugins.js';
import {thirdPartyLicenses} from './lib/third-party-licenses.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist');
const wantMeta = process.argv.includes('--metafile');

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
	// CommonJS dependencies (undici, React) require() Node built-ins; an ES module has no
	// require, so the bundle gets one.
	banner: {js: 'import {createRequire as __createRequire} from \'node:module\'; const require = __createRequire(import.meta.url);'},
	// Minified, the live screen's first row comes ~10 ms sooner (less for V8 to scan and compile); the
	// source maps beside the chunks are not packed, but `node --enable-source-maps dist/cli.js` uses them.
	minify: process.env.BUNDLE_MINIFY !== '0', // BUNDLE_MINIFY=0: readable names, for a CPU profile
	sourcemap: 'linked',
	legalComments: 'eof', // The licence headers of bundled code (React's, yoga's…) stay with it.
	plugins: [undiciParts(root), inkWithoutDevtools, inkInputWithoutName, inkFrameCache(root), inkBoundedCaches(root), inkSanitizeColours(root), oneStringWidth(root), yogaWithoutFetch],
	metafile: true, // The list of bundled packages, for THIRD_PARTY_LICENSES.
	logLevel: 'warning',
});

// The bin starts Node with V8 flags that only work at launch (the first three). Node 20's V8 reads
// --concurrent-recompilation once, when the isolate is made: set later (cli/young-generation.ts sets
// it too), the optimizing compiler still runs on V8's worker threads, and glibc gives each of them a
// malloc arena the first time it allocates there. The compiler's scratch memory then stays in up to
// four arenas, 10–11 MB in all in two 10k-job starts of four (smaps; README › Design › Memory). A `#!/usr/bin/env node` line
// cannot carry a flag everywhere (`env -S` is not in BusyBox), so the bin is a shell script that is
// also the ES module: sh runs line 2, which execs Node on this same file (same process, no wrapper);
// Node skips the hashbang and reads line 2 as a string followed by a comment. `node dist/cli.js`
// works as before, without the flags. The source map gains one line at the top.
// The second, --max-semi-space-size=1: the young generation stays at 1 MB a semi-space from the start.
// Set at run time (cli/young-generation.ts, once the mode is known), the growth factor came too late:
// 5 s after start V8 had grown the young generation to 8 MB, and kept it until its memory reducer
// shrank it ~50 s later (heap spaces read from inside); the old generation's next collection is set
// that much further off too. Two 90-s runs at 10k jobs, without and with the flag (VmHWM sampled
// every 20 ms): highest 118 → 112 MB, median 109 → 103 MB (README › Design › Memory).
// The third, --no-memory-reducer: V8's memory reducer, which collects the whole heap when the program
// looks idle, made a quiet screen pay for it: 13 jobs, three full collections 8–10 s after start and
// one every ~15 s after (--trace-gc), ~0.2–0.4 % of a core in seconds 4–34 (four CLIs of each build
// side by side: 1.46 against 1.84 %). At 10k jobs the collections that the heap's growth sets off keep
// memory where it was: two 10-minute runs side by side, VmHWM 117 against 118 MB. V8 makes the
// reducer when the heap is set up, so only a launch flag turns it off.
// The fourth and fifth, --no-maglev and --liftoff-only: V8 12–14 (Node 22–26) have two optimizing tiers
// where Node 20's V8 11 has one on (Maglev is off there: the flag changes nothing). Their code and their
// scratch memory (zones, from malloc) stay resident: Maglev's compiler alone was 2.2 MB of the node binary's
// resident pages at 10k jobs on Node 26 (/proc/<pid>/pagemap against the symbol table), and yoga's
// WebAssembly, tiered up from Liftoff to TurboFan, took V8's malloc'd memory to an 11.3 MB peak at start
// (3.9 MB with Liftoff only). A 40-row screen's layout in Liftoff's code costs no CPU measurable here (below);
// the per-poll JavaScript still reaches TurboFan. Node 26 at 10k jobs, four CLIs side by side for 90–150 s:
// RSS median 114.6 → 110.6 and 114.9 → 112.3 MB, VmHWM 125.2 → 120.8 and 125.3 → 121.5 MB, CPU 6.07 →
// 6.22 and 5.27 → 5.28 % (README › Design › Memory).
const entry = path.join(outdir, 'cli.js');
const hashbang = '#!/usr/bin/env node\n';
const code = readFileSync(entry, 'utf8');
if (!code.startsWith(hashbang)) {
	throw new Error('dist/cli.js does not start with the expected hashbang');
}

// And two settings of glibc's malloc, as environment (each only where the user has not set it; other C
// libraries ignore them). MALLOC_ARENA_MAX=1: every thread allocates from the one arena. V8 12–14 (Node
// 22–26) compile on helper threads that no launch flag here keeps on the main one (Maglev, Sparkplug),
// and glibc gives each thread that allocates its own arena, whose touched pages it keeps: 10k jobs on Node
// 24, RSS median 133 → 118 MB with this and the next (one 5-minute batch; 129 → 135 MB with V8's
// --single-threaded instead, --no-maglev 133). MALLOC_MMAP_THRESHOLD_=131072: glibc's own starting value,
// fixed. Left to itself, glibc raises the threshold to the size of each mapped block freed (up to 32 MiB),
// so once a poll's multi-MB response buffers have been freed the next ones come from the heap, and freed
// heap pages stay resident: Node 20, 104 → 99 MB median. The command --on-event runs inherits
// both; harmless for a program that runs once per event.
/** `NAME=${NAME:-value}` for sh: the user's value if set, else ours. */
const unlessSet = (name, value) => `${name}=$\{${name}:-${value}}`;
const mallocSettings = `${unlessSet('MALLOC_ARENA_MAX', 1)} ${unlessSet('MALLOC_MMAP_THRESHOLD_', 131_072)}`;
const launchFlags = '--no-concurrent-recompilation --max-semi-space-size=1 --no-memory-reducer --no-maglev --liftoff-only';
writeFileSync(entry, `#!/bin/sh\n":" //; ${mallocSettings} exec node ${launchFlags} "$0" "$@"\n${code.slice(hashbang.length)}`);
const mapFile = `${entry}.map`;
const map = JSON.parse(readFileSync(mapFile, 'utf8'));
writeFileSync(mapFile, JSON.stringify({...map, mappings: `;${map.mappings}`}));

// Paths in the metafile are relative to esbuild's working directory, the process's.
writeFileSync(path.join(outdir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(result.metafile, process.cwd()));

if (wantMeta) {
	mkdirSync(path.join(root, 'bench', '.out'), {recursive: true});
	writeFileSync(path.join(root, 'bench', '.out', 'bundle-meta.json'), JSON.stringify(result.metafile));
}
