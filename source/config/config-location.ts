import {readFile, stat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {parseConfigFile, type ConfigFile, type ConfigFileResult} from './config-file.js';

type PathEnvironment = Readonly<Partial<Record<'XDG_CONFIG_HOME' | 'HOME', string | undefined>>>;

const appDirectory = 'milvus-import-top';

/** `$XDG_CONFIG_HOME/milvus-import-top/config.yaml`, else `~/.config/…` (XDG: a relative XDG_CONFIG_HOME is ignored). */
export const defaultConfigPath = (env: PathEnvironment): string => {
	const xdg = env.XDG_CONFIG_HOME;
	const base = xdg?.startsWith('/') === true ? xdg : join(env.HOME ?? homedir(), '.config');
	return join(base, appDirectory, 'config.yaml');
};

/** `~/x` → `$HOME/x`, as a shell would; other paths are left alone. */
export const expandHome = (path: string, env: PathEnvironment): string =>
	path === '~' || path.startsWith('~/') ? join(env.HOME ?? homedir(), path.slice(1)) : path;

export type LoadedConfigFile = {readonly ok: true; readonly value: ConfigFile | undefined; readonly warnings: readonly string[]}
	| {readonly ok: false; readonly message: string};

const errorCode = (error: unknown): string => (error instanceof Error && 'code' in error ? String(error.code) : 'error');

/**
Reads the config file: `--config PATH` must exist; the default location may be absent (then nothing changes
from a run without contexts). A plain `token:` in a file others can read gets the warning ssh gives for keys.
*/
export const loadConfigFile = async (explicitPath: string | undefined, env: PathEnvironment): Promise<LoadedConfigFile> => {
	const path = explicitPath === undefined ? defaultConfigPath(env) : expandHome(explicitPath, env);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error: unknown) {
		const code = errorCode(error);
		if (explicitPath === undefined && code === 'ENOENT') {
			return {ok: true, value: undefined, warnings: []};
		}

		return {ok: false, message: `cannot read the config file ${path}: ${code}`};
	}

	const parsed: ConfigFileResult = parseConfigFile(text, path);
	if (!parsed.ok) {
		return parsed;
	}

	const warnings: string[] = [];
	if (parsed.value.hasPlainToken) {
		// Permission bits: group and others (0o077), as ssh checks a private key.
		const {mode} = await stat(path);
		const permissions = mode % 0o1000;
		if (permissions % 0o100 !== 0) {
			warnings.push(`warning: ${path} holds a token and can be read by others (mode ${permissions.toString(8)}): chmod 600 ${path}, or use tokenEnv / tokenFile`);
		}
	}

	return {ok: true, value: parsed.value, warnings};
};
