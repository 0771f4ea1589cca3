// The Node versions the suite also runs on (besides the Node that runs npm), as registry packages.
// Node's own binaries are published on the npm registry as node-<platform>-<arch> (the package the
// `node` npm package installs): pinned here, installed once into a cache outside the repository.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/** Exact versions: a CI run is reproducible, and a bump is a reviewed change here. */
export const pinnedNodes = ['22.23.5', '24.22.3', '26.12.1'];

const cacheRoot = () => path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'milvus-import-top-dev', 'node');

/** The path of Node `version`'s binary, installed from the registry into the cache unless it is there already. */
export const ensureNode = version => {
	const packageName = `node-${process.platform}-${process.arch}`;
	const prefix = path.join(cacheRoot(), `${packageName}-${version}`);
	const binary = path.join(prefix, 'node_modules', packageName, 'bin', 'node');
	if (!existsSync(binary)) {
		mkdirSync(prefix, {recursive: true});
		console.log(`installing ${packageName}@${version} into ${prefix}`);
		execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `${packageName}@${version}`], {stdio: 'inherit'});
	}

	const reported = execFileSync(binary, ['--version'], {encoding: 'utf8'}).trim();
	if (reported !== `v${version}`) {
		throw new Error(`${binary} reports ${reported}, expected v${version}`);
	}

	return binary;
};
