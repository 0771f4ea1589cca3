import {closeSync, constants, openSync} from 'node:fs';
import {spawn, type IPty} from '@lydell/node-pty';
import {Unicode11Addon} from '@xterm/addon-unicode11';
import xterm from '@xterm/headless';
import {freshStateHome} from './state-home.js';

const {Terminal} = xterm;

export type TermOptions = {
	readonly cols?: number;
	readonly rows?: number;
	readonly env?: Record<string, string | undefined>;
	readonly cwd?: string;
	/** Measure characters as xterm.js with its Unicode 11 addon does (an emoji ZWJ sequence is drawn as the sum of its emoji). */
	readonly unicode11?: boolean;
};

/**
A real pseudo-terminal read by a headless xterm: what a person would see, cell by cell.
CI sets CI=true, and Ink then stops drawing frames, so the child never inherits CI/CONTINUOUS_INTEGRATION.
*/
export type Term = {
	readonly exited: boolean;
	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen(): string[];
	text(): string;
	/** Every byte the program wrote, as a string. */
	output(): string;
	write(data: string): void;
	resize(cols: number, rows: number): void;
	waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
	waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<void>;
	waitForExit(timeoutMs?: number): Promise<number>;
	isAlternateScreen(): boolean;
	/** What each row shows in the last column ('' where nothing was written). */
	lastColumn(): string[];
	/** Whether the last cursor-visibility sequence the program wrote hid the cursor. */
	isCursorHidden(): boolean;
	kill(signal?: string): void;
};

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
} as const;

const cleanEnv = (extra: Record<string, string | undefined> = {}): Record<string, string> => {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({
		...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', XDG_STATE_HOME: freshStateHome(), ...extra,
	})) {
		// A developer's proxy must not carry the tests' local traffic (unless a test sets one).
		const proxy = /^(?:https?|all|no)_proxy$/iv.test(key) && !(key in extra);
		if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION' && !key.startsWith('VITEST') && !proxy) {
			env[key] = value;
		}
	}

	return env;
};

/**
On Linux, when the last process holding a PTY's slave side exits, the kernel may answer the master's
next read with EIO and drop what the child wrote last (seen here: `echo; stty -a` lost its tail once in
200 runs, and a CI run failed on it). The harness keeps its own descriptor on the slave until node-pty
reports the exit, so the master always drains. node-pty names the slave only in a private field.
*/
const holdSlave = (pty: IPty): number | undefined => {
	const path: unknown = Reflect.get(pty, '_pty');
	if (typeof path !== 'string' || !path.startsWith('/dev/')) {
		return undefined;
	}

	try {
		// eslint-disable-next-line no-bitwise -- open(2) flags are a bit set
		return openSync(path, constants.O_RDWR | constants.O_NOCTTY);
	} catch {
		return undefined;
	}
};

export const startTerm = (command: string, args: readonly string[], options: TermOptions = {}): Term => {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 30;
	const terminal = new Terminal({
		cols, rows, allowProposedApi: true, scrollback: 0,
	});
	if (options.unicode11 === true) {
		// The addon is typed for @xterm/xterm; it only uses the core that @xterm/headless shares.
		// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
		terminal.loadAddon(new Unicode11Addon() as unknown as Parameters<typeof terminal.loadAddon>[0]);
		terminal.unicode.activeVersion = '11';
	}

	const pty: IPty = spawn(command, [...args], {
		name: 'xterm-256color', cols, rows, cwd: options.cwd ?? process.cwd(), env: cleanEnv(options.env),
	});
	const slave = holdSlave(pty);
	let written = '';
	let exitCode: number | undefined;
	const exitWaiters: Array<(code: number) => void> = [];
	pty.onData(data => {
		written += data;
		terminal.write(data);
	});
	pty.onExit(({exitCode: code}) => {
		if (slave !== undefined) {
			closeSync(slave);
		}

		exitCode = code;
		for (const resolve of exitWaiters) {
			resolve(code);
		}
	});

	// Xterm parses asynchronously; an empty write with a callback flushes what came before it.
	const flush = async () => new Promise<void>(resolve => {
		terminal.write('', resolve);
	});

	const screen = (): string[] => {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < terminal.rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}

		return lines;
	};

	const waitFor = async (predicate: (text: string) => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// eslint-disable-next-line no-await-in-loop
			await flush();
			if (predicate(screen().join('\n'))) {
				return;
			}

			if (Date.now() > deadline) {
				throw new Error(`Timed out waiting for ${what}. Screen:\n${screen().join('\n')}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 25);
			});
		}
	};

	return {
		screen,
		text: () => screen().join('\n'),
		output: () => written,
		write(data) {
			pty.write(data);
		},
		resize(newCols, newRows) {
			pty.resize(newCols, newRows);
			terminal.resize(newCols, newRows);
		},
		waitFor,
		async waitForText(text, timeoutMs) {
			const match = (screenText: string) => typeof text === 'string' ? screenText.includes(text) : text.test(screenText);
			return waitFor(match, `text ${String(text)}`, timeoutMs);
		},
		async waitForExit(timeoutMs = 10_000) {
			if (exitCode !== undefined) {
				await flush();
				return exitCode;
			}

			return new Promise<number>((resolve, reject) => {
				const timer = setTimeout(() => {
					reject(new Error(`Timed out waiting for exit. Screen:\n${screen().join('\n')}`));
				}, timeoutMs);
				exitWaiters.push(code => {
					clearTimeout(timer);
					void flush().then(() => {
						resolve(code);
					});
				});
			});
		},
		lastColumn() {
			const buffer = terminal.buffer.active;
			return Array.from({length: terminal.rows}, (_, y) => buffer.getLine(buffer.viewportY + y)?.getCell(terminal.cols - 1)?.getChars() ?? '');
		},
		isAlternateScreen: () => terminal.buffer.active.type === 'alternate',
		isCursorHidden() {
			const hide = written.lastIndexOf('\u001B[?25l');
			const show = written.lastIndexOf('\u001B[?25h');
			return hide > show;
		},
		kill(signal = 'SIGTERM') {
			if (exitCode === undefined) {
				pty.kill(signal);
			}
		},
		get exited() {
			return exitCode !== undefined;
		},
	};
};
