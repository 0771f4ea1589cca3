import {execFile} from 'node:child_process';
import {
	mkdir, mkdtemp, rm, writeFile,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {
	afterAll, beforeAll, expect, test,
} from 'vitest';
import {cleanEnv} from '../helpers/run-cli.js';

/**
The package as a user gets it: `npm pack` (scripts off: `npm test` has just built dist/, and the prepack rebuild would delete it under the other tests' feet), then `npm install --omit=dev <tarball>` into an empty
folder (this talks to the npm registry for the runtime dependencies), then the bin through npm's
symlink in node_modules/.bin. Slow by nature, hence the long timeouts.
*/
type Options = {readonly cwd?: string; readonly env?: Record<string, string>; readonly timeout?: number};
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
	await run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-save', path.join(work, packed!.filename)], {cwd: app});
	bin = path.join(app, 'node_modules', '.bin', 'milvus-import-top');
}, 300_000);

afterAll(async () => {
	await rm(work, {recursive: true, force: true});
});

let packedFiles: string[] = [];

const runBin = async (args: string[]) => run(bin, args, {env: cleanEnv(), timeout: 30_000});

test('only what runs is packed', () => {
	expect(packedFiles).toContain('dist/cli.js');
	expect(packedFiles).toContain('package.json');
	expect(packedFiles.filter(file => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'license'].includes(file))).toEqual([]);
	expect(packedFiles.some(file => file.startsWith('dist/') && !file.endsWith('.js'))).toBe(false);
});

test('the installed bin prints --help and --version', async () => {
	const help = await runBin(['--help']);
	expect(help.stdout).toContain('--uri');
	const version = await runBin(['--version']);
	expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/v);
}, 60_000);

test('the installed bin runs --demo --once', async () => {
	const {stdout} = await runBin(['--demo', '--once']);
	expect(stdout.split('\n')[0]).toMatch(/^JOB ID\s+COLLECTION/v);
	expect(stdout.trim().split('\n').length).toBeGreaterThan(3);
}, 60_000);
