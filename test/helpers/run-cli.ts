import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {freshStateHome} from './state-home.js';

/** The built CLI (npm test builds dist/ before vitest runs). */
export const cliPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

export type CliResult = {readonly code: number | undefined; readonly signal: string | undefined; readonly stdout: string; readonly stderr: string};

/** The parent's environment minus everything the CLI reads, so a developer's MILVUS_TOKEN (or proxy) cannot leak into a test. */
export const cleanEnv = (extra: Record<string, string | undefined> = {}): Record<string, string> => {
	const env: Record<string, string> = {};
	// A developer's own config file (contexts) must not steer a test: the default location is an empty folder's.
	for (const [key, value] of Object.entries({
		...process.env, LANG: 'C.UTF-8', XDG_STATE_HOME: freshStateHome(), XDG_CONFIG_HOME: '/nonexistent/milvus-import-top-tests', ...extra,
	})) {
		const ours = key.startsWith('MILVUS_') || key.startsWith('ZILLIZ_') || key === 'NO_COLOR' || key.startsWith('LC_') || /^(?:https?|all|no)_proxy$/iv.test(key);
		if (value !== undefined && (!ours || key in extra)) {
			env[key] = value;
		}
	}

	return env;
};

export type Spawned = {
	readonly child: ChildProcess;
	readonly result: Promise<CliResult>;
	/** Resolves once stdout has received `text`. */
	waitForStdout(text: string, timeoutMs?: number): Promise<void>;
	stdout(): string;
};

export const spawnCli = (args: readonly string[], env: Record<string, string | undefined> = {}): Spawned => {
	const child = spawn(process.execPath, [cliPath, ...args], {env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	const listeners = new Set<() => void>();
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		for (const listener of listeners) {
			listener();
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const result = new Promise<CliResult>(resolve => {
		child.on('close', (code, signal) => {
			resolve({
				code: code ?? undefined, signal: signal ?? undefined, stdout, stderr,
			});
		});
	});
	return {
		child,
		result,
		stdout: () => stdout,
		async waitForStdout(text, timeoutMs = 10_000) {
			await new Promise<void>((resolve, reject) => {
				const check = (): void => {
					if (stdout.includes(text)) {
						listeners.delete(check);
						clearTimeout(timer);
						resolve();
					}
				};

				const timer = setTimeout(() => {
					listeners.delete(check);
					reject(new Error(`stdout never showed ${JSON.stringify(text)}; got ${JSON.stringify(stdout.slice(-500))}`));
				}, timeoutMs);
				listeners.add(check);
				check();
			});
		},
	};
};

export const runCli = async (args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> => spawnCli(args, env).result;
