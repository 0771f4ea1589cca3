/**
What `npx milvus-import-top` costs a new user, before and after issue 8 bundled every dependency:
the packed tarball's size, the installed size, the number of packages installed and the time of a cold
`npm install --omit=dev <tarball>` (an empty npm cache, so everything comes from the registry) into an
empty folder. Prints medians; asserts nothing.

  after    package.json as it is now (no dependencies) + dist/
  before   package.json of the commit before the dependencies moved to devDependencies (found with
           `git log -S`, or BENCH_BEFORE=<rev>) + the same dist/: the difference is what npm installs

Needs `npm run build` first (npm run bench builds) and the npm registry for the "before" install.
BENCH_RUNS=<n> cold installs each (default 3).
*/
import {execFileSync} from 'node:child_process';
import {
	cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const root = process.cwd();
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const git = (...args: string[]): string => execFileSync('git', args, {cwd: root, encoding: 'utf8'}).trim();

const beforeRevision = (): string => {
	const fromEnvironment = process.env['BENCH_BEFORE'];
	if (fromEnvironment) {
		return fromEnvironment;
	}

	const removal = git('log', '-1', '--format=%H', '-S', '"dependencies": {', '--', 'package.json');
	return `${removal}^`;
};

/** Bytes of every file under `folder`: their lengths (symlinks as links, like `du --apparent-size`) and the disk blocks they take (like `du`). */
const sizeOf = (folder: string): {bytes: number; disk: number} => {
	const total = {bytes: 0, disk: 0};
	for (const entry of readdirSync(folder, {withFileTypes: true})) {
		const file = path.join(folder, entry.name);
		const inner = entry.isDirectory() ? sizeOf(file) : undefined;
		const stat = lstatSync(file);
		total.bytes += inner?.bytes ?? stat.size;
		total.disk += (inner?.disk ?? 0) + (stat.blocks * 512);
	}

	return total;
};

/** Package folders under node_modules, nested and scoped ones included. */
const countPackages = (modules: string): number => {
	let count = 0;
	for (const entry of readdirSync(modules, {withFileTypes: true})) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) {
			continue;
		}

		const folders = entry.name.startsWith('@')
			? readdirSync(path.join(modules, entry.name)).map(name => path.join(modules, entry.name, name))
			: [path.join(modules, entry.name)];
		for (const folder of folders) {
			count++;
			const nested = path.join(folder, 'node_modules');
			count += statSync(nested, {throwIfNoEntry: false})?.isDirectory() ? countPackages(nested) : 0;
		}
	}

	return count;
};

const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Figures = {tarball: number; installed: {bytes: number; disk: number}; packages: number; seconds: number[]};

const measure = (packageJson: string, work: string): Figures => {
	const source = path.join(work, 'package');
	mkdirSync(source);
	writeFileSync(path.join(source, 'package.json'), packageJson);
	cpSync(path.join(root, 'dist'), path.join(source, 'dist'), {recursive: true});
	const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {cwd: source, encoding: 'utf8'})) as Array<{filename: string}>; // eslint-disable-line @typescript-eslint/no-unsafe-type-assertion -- npm pack --json's documented shape
	const tarball = path.join(work, packed[0]!.filename);
	const seconds: number[] = [];
	let app = '';
	for (let run = 0; run < runs; run++) {
		app = path.join(work, `app-${run}`);
		const cache = path.join(work, `cache-${run}`); // Empty every time: a cold install.
		mkdirSync(app);
		writeFileSync(path.join(app, 'package.json'), '{"name": "bench-install", "private": true}\n');
		const started = performance.now();
		execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-save', '--cache', cache, tarball], {cwd: app, stdio: 'ignore'});
		seconds.push((performance.now() - started) / 1000);
	}

	const modules = path.join(app, 'node_modules');
	return {
		tarball: statSync(tarball).size, installed: sizeOf(modules), packages: countPackages(modules), seconds,
	};
};

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;
const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

const before = beforeRevision();
const rows: Array<[string, Figures]> = [];
for (const [label, json] of [[`before (${git('rev-parse', '--short', before)})`, git('show', `${before}:package.json`)], ['after (now)', git('show', 'HEAD:package.json')]] as const) {
	const work = mkdtempSync(path.join(tmpdir(), 'bench-install-'));
	try {
		rows.push([label, measure(json + '\n', work)]);
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

console.log(`cold npm install --omit=dev of the packed tarball, empty npm cache, ${runs} run(s) each (median), Node ${process.version}\n`);
console.log('                       tarball   installed (on disk)   packages   cold install');
for (const [label, figures] of rows) {
	const installed = `${megabytes(figures.installed.bytes)} (${megabytes(figures.installed.disk)})`;
	const runs = figures.seconds.map(seconds => seconds.toFixed(2)).join(', ');
	console.log(`${label.padEnd(20)} ${kB(figures.tarball).padStart(9)} ${installed.padStart(21)} ${String(figures.packages).padStart(10)} ${`${median(figures.seconds).toFixed(2)} s`.padStart(14)}   (${runs})`);
}

console.log('\n"before" packs today\'s dist/ (undici\'s fetch bundled; its files list leaves out THIRD_PARTY_LICENSES.txt) with the old package.json,');
console.log('so its tarball is today\'s; the cross-fetch build\'s tarball was 224 kB (issue 8: 224 kB, ~55 packages, 27 MB, ~4.4 s cold).');
