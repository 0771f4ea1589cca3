import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {spawn} from '@lydell/node-pty';
import xterm from '@xterm/headless';

const {Terminal} = xterm;

/** One journal folder per bench process: the CLI journals as for a person, but not into the developer's journal. */
let stateHome: string | undefined;

/**
The environment of a person's terminal: no CI (Ink stops drawing frames under CI). This bench's Node
first on PATH, so the bin (`installedBin`), which execs the `node` it finds there, runs on it too.
*/
export const terminalEnv = (): Record<string, string> => {
	const env: Record<string, string> = {};
	stateHome ??= mkdtempSync(path.join(tmpdir(), 'mit-bench-state-'));
	for (const [key, value] of Object.entries({
		...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_STATE_HOME: stateHome, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
	})) {
		if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('VITEST')) {
			env[key] = value;
		}
	}

	return env;
};

/**
The built CLI as `npx` starts it: the bin itself, not `node dist/cli.js` (the bin starts Node with a
flag that only works at launch: scripts/bundle.js). Spawn it with `terminalEnv()`.
*/
export const installedBin = (): string => path.resolve('dist/cli.js');

/**
Milliseconds from spawning `node args…` on a pseudo-terminal until `done` holds for the screen a
headless xterm shows. The screen is checked after every chunk the program writes (not on a timer),
so the time is that of the chunk that completed it. The process is killed then.
*/
export const untilOnScreen = async (args: readonly string[], done: (screen: string) => boolean, timeoutMs = 20_000): Promise<number> => {
	const cols = 110;
	const rows = 28;
	const terminal = new Terminal({
		cols, rows, allowProposedApi: true, scrollback: 0,
	});
	const screen = (): string => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const started = performance.now();
	const pty = spawn(process.execPath, [...args], {
		name: 'xterm-256color', cols, rows, cwd: process.cwd(), env: terminalEnv(),
	});
	return new Promise((resolve, reject) => {
		let settled = false;
		const finish = (error: Error | undefined, ms = 0): void => {
			if (settled) {
				return;
			}

			settled = true;
			clearTimeout(timer);
			pty.kill('SIGKILL');
			if (error === undefined) {
				resolve(ms);
			} else {
				reject(error);
			}
		};

		const timer = setTimeout(() => {
			finish(new Error(`${args.join(' ')}: not on screen after ${timeoutMs} ms:\n${screen()}`));
		}, timeoutMs);
		pty.onData(data => {
			const arrived = performance.now() - started;
			// Xterm parses asynchronously: the callback runs once this chunk is on its screen.
			terminal.write(data, () => {
				if (done(screen())) {
					finish(undefined, arrived);
				}
			});
		});
		pty.onExit(() => {
			setTimeout(() => {
				finish(new Error(`${args.join(' ')} exited before it was on screen:\n${screen()}`));
			}, 100);
		});
	});
};
