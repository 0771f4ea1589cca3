import {execFile} from 'node:child_process';
import {
	chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {
	afterAll, beforeAll, expect, test,
} from 'vitest';
import {cleanEnv} from '../helpers/run-cli.js';

/**
The package as a user gets it: `npm pack` (scripts off: `npm test` has just built dist/, and the prepack
rebuild would delete it under the other tests' feet), then `npm install --omit=dev <tarball>` into an
empty folder with an empty npm cache, offline: the bundle holds every dependency, so the tarball must
install alone, as one package (issue 8). Then the bin through npm's symlink in node_modules/.bin.
*/type Options = {readonly cwd?: string; readonly env?: Record<string, string>; readonly timeout?: number};
const run = async (file: string, args: readonly string[], options: Options = {}): Promise<{stdout: string; stderr: string}> =>
	new Promise((resolve, reject) => {
		execFile(file, args, {...options, encoding: 'utf8'}, (error, stdout, stderr) => {
			if (error) {
				reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
			} else {
				resolve({stdout, stderr});
			}
		});
	});
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let work: string;
let bin: string;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'milvus-import-top-pack-'));
	const {stdout} = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: root});
	const report: unknown = JSON.parse(stdout);
	const packed = (Array.isArray(report) ? report[0] : undefined) as {filename: string; files: Array<{path: string}>} | undefined; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- npm pack --json's documented shape
	packedFiles = packed!.files.map(file => file.path);
	const app = path.join(work, 'app');
	await mkdir(app);
	// Its own package.json, or npm walks up and installs into whatever project encloses the temp folder.
	await writeFile(path.join(app, 'package.json'), '{"name": "pack-test", "private": true}\n');
	// An empty cache and --offline: an install that needed anything but the tarball would fail here.
	await run('npm', ['install', '--omit=dev', '--offline', '--cache', path.join(work, 'empty-cache'), '--no-audit', '--no-fund', '--no-save', path.join(work, packed!.filename)], {cwd: app});
	const entries = await readdir(path.join(app, 'node_modules'), {withFileTypes: true});
	installed = entries
		.filter(entry => entry.isDirectory() && !entry.name.startsWith('.'))
		.map(entry => entry.name);
	bin = path.join(app, 'node_modules', '.bin', 'milvus-import-top');
	licences = await readFile(path.join(app, 'node_modules', 'milvus-import-top', 'dist', 'THIRD_PARTY_LICENSES.txt'), 'utf8');
}, 300_000);

afterAll(async () => {
	await rm(work, {recursive: true, force: true});
});

let packedFiles: string[] = [];
let installed: string[] = [];
let licences = '';

const runBin = async (args: string[]) => run(bin, args, {env: cleanEnv(), timeout: 30_000});

test('only what runs is packed', () => {
	expect(packedFiles).toContain('dist/cli.js');
	expect(packedFiles).toContain('package.json');
	expect(packedFiles).toContain('LICENSE'); // The project's own licence, next to the bundled packages' ones
	expect(packedFiles.filter(file => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([]);
	expect(packedFiles.filter(file => file.startsWith('dist/') && !file.endsWith('.js'))).toEqual(['dist/THIRD_PARTY_LICENSES.txt']);
});

test('installed with --omit=dev, offline, from an empty cache: node_modules holds exactly one package', () => {
	expect(installed).toEqual(['milvus-import-top']);
});

test('the bundled packages\' licences ship with it', () => {
	for (const name of ['ink@', 'react@', 'yargs@', 'undici@', 'yoga-layout@', '@alcalzone/ink-table@']) {
		expect(licences).toContain(`\n${name}`);
	}

	expect(licences).toContain('Permission is hereby granted');
	expect(licences).toContain('Copyright (c) Meta Platforms'); // React's own LICENSE text, not only a name
});

test('the installed bin prints --help and --version', async () => {
	const help = await runBin(['--help']);
	expect(help.stdout).toContain('--uri');
	const version = await runBin(['--version']);
	expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/v);
}, 60_000);

test('the installed bin runs --demo --once', async () => {
	const {stdout, stderr} = await runBin(['--demo', '--once']);
	expect(stderr).toBe('');
	expect(stdout.split('\n')[0]).toMatch(/^JOB ID\s+COLLECTION/v);
	expect(stdout.trim().split('\n').length).toBeGreaterThan(3);
}, 60_000);

/** A PATH whose first `node` is a stand-in that prints what it was started with, one argument a line, then the malloc settings it got. */
const pathWithFakeNode = async (): Promise<string> => {
	const fake = path.join(work, 'fake-node');
	await mkdir(fake, {recursive: true});
	await writeFile(path.join(fake, 'node'), '#!/bin/sh\nprintf \'%s\\n\' "$@"\necho "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_"\n');
	await chmod(path.join(fake, 'node'), 0o755);
	return `${fake}${path.delimiter}${process.env['PATH'] ?? ''}`;
};

test('the installed bin execs the node on PATH with V8\'s concurrent recompilation off, a 1 MB young generation, no memory reducer, no Maglev, WebAssembly in Liftoff only and one malloc arena, passing every argument as it is', async () => {
	const env = cleanEnv({PATH: await pathWithFakeNode(), MALLOC_ARENA_MAX: undefined, MALLOC_MMAP_THRESHOLD_: undefined});
	const {stdout} = await run(bin, ['--uri', 'a b', '--once'], {env, timeout: 30_000});
	expect(stdout.split('\n')).toEqual(['--no-concurrent-recompilation', '--max-semi-space-size=1', '--no-memory-reducer', '--no-maglev', '--liftoff-only', bin, '--uri', 'a b', '--once', 'MALLOC_ARENA_MAX=1 MALLOC_MMAP_THRESHOLD_=131072', '']);
}, 60_000);

test('the bin\'s malloc settings give way to the user\'s own', async () => {
	const env = cleanEnv({PATH: await pathWithFakeNode(), MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536'});
	const {stdout} = await run(bin, ['--once'], {env, timeout: 30_000});
	expect(stdout.split('\n').at(-2)).toBe('MALLOC_ARENA_MAX=4 MALLOC_MMAP_THRESHOLD_=65536');
}, 60_000);
