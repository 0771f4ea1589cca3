import {render} from 'ink';
import type {ImportClient} from '../api/types.js';
import {App, type AppProps} from '../app.js';
import type {Config} from '../config/config.js';
import type {ReportLine} from '../modes/wait-report.js';
import {screenDiff} from '../terminal/screen-diff.js';
import {screenStream} from '../terminal/tui-stream.js';

export type TuiOptions = {
	readonly client: ImportClient;
	/** Commit/abort; undefined when they are off (see `actionsOff`). */
	readonly actions?: AppProps['actions'];
	readonly actionsOff?: AppProps['actionsOff'];
	readonly actionsOffFor?: AppProps['actionsOffFor'];
	readonly config: Config;
	/** The server as the header shows it: never with credentials. */
	readonly serverLabel: string;
	/** `--wait` on a TTY: exit once the watched jobs (these ids, or all matching the initial filters) have finished. */
	readonly wait?: {readonly jobIds: readonly string[]; readonly retries: number};
	/** The first list when it arrived before the screen (see cli/prefetch.ts): the first frame shows it. */
	readonly firstList?: AppProps['firstList'];
	/** Several contexts: the header's line of their states. */
	readonly contexts?: AppProps['contexts'];
	readonly journal?: AppProps['journal'];
	/** For tests; default process streams. */
	readonly stdout?: NodeJS.WriteStream;
	readonly stderr?: {readonly write: (text: string) => unknown};
	readonly stdin?: NodeJS.ReadStream;
};

const enterAltScreen = '\u001B[?1049h';
const leaveAltScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';
const clearScreen = '\u001B[H\u001B[2J';

const signalCodes: Readonly<Record<'SIGTERM' | 'SIGHUP' | 'SIGINT', number>> = {SIGTERM: 143, SIGHUP: 129, SIGINT: 130};

/**
The live screen, from start to exit code. On a TTY it draws in the alternate screen and always
leaves the terminal as it found it (main screen, cursor shown, raw mode off): on `q`, Ctrl-C,
SIGTERM, SIGHUP and an unexpected error alike.
Exit codes: 0 on `q`, 130 on the Ctrl-C key (as a SIGINT), 130 on either in wait mode; in wait mode the verdict (0 all completed, 1 a job failed, 3 a watched
job missing, or the server unusable past --retries; the verdict's lines are printed
after the terminal is restored); 128+n on a signal; 1 after an unexpected error (printed to stderr once the screen is restored).
*/
export const runTui = async (options: TuiOptions): Promise<number> => {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const stderr = options.stderr ?? process.stderr;
	const tty = stdout.isTTY;
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
			stdin.setRawMode(false);
		}

		if (tty) {
			stdout.write(showCursor + leaveAltScreen);
		}
	};

	if (tty) {
		stdout.write(enterAltScreen + clearScreen);
	}

	// Raw mode before the first frame: Ink turns it on in an effect, after that frame, and the first frame
	// may already show the jobs (cli/prefetch.ts). Keys pressed in between would otherwise be cooked
	// (Ctrl-C a SIGINT, Enter a newline); in raw mode they wait in stdin until Ink reads them.
	if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
		stdin.setRawMode(true);
	}

	// On a TTY Ink's frames go through the screen diff (tui-stream.ts): only the cells that change are sent.
	const screen = tty ? screenStream(stdout, screenDiff({ascii: options.config.ascii})) : undefined;

	return new Promise<number>(resolve => {
		let finished = false;
		const onSignal = (signal: NodeJS.Signals) => {
			finish(signal === 'SIGTERM' || signal === 'SIGHUP' || signal === 'SIGINT' ? signalCodes[signal] : 1);
		};

		const onError = (error: unknown) => {
			finish(1, error);
		};

		const finish = (code: number, error?: unknown, report: readonly ReportLine[] = []) => {
			if (finished) {
				return;
			}

			finished = true;
			instance.unmount();
			screen?.dispose();
			restore();
			for (const signal of Object.keys(signalCodes)) {
				process.off(signal, onSignal);
			}

			process.off('uncaughtException', onError);
			process.off('unhandledRejection', onError);
			process.off('exit', restore);

			// After the restore: the verdict's lines stay on the main screen, where the shell continues.
			for (const line of report) {
				(line.stream === 'out' ? stdout : stderr).write(line.text);
			}

			if (error !== undefined) {
				stderr.write(`milvus-import-top: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}\n`);
			}

			resolve(code);
		};

		const wait = options.wait === undefined
			? undefined
			: {
				jobIds: options.wait.jobIds,
				filter: {text: options.config.initialFilter, states: options.config.initialStates},
				collections: options.config.collections,
				retries: options.wait.retries,
				uri: options.config.uri,
			};
		const instance = render(
			<App
				client={options.client}
				actions={options.actions}
				actionsOff={options.actionsOff}
				actionsOffFor={options.actionsOffFor}
				config={options.config}
				serverLabel={options.serverLabel}
				wait={wait}
				firstList={options.firstList}
				contexts={options.contexts}
				journal={options.journal}
				onExit={(code, report) => {
					finish(code, undefined, report);
				}}
			/>,
			{
				stdout: screen?.stream ?? stdout, stdin, maxFps: 15, exitOnCtrlC: false, patchConsole: false,
			},
		);
		for (const signal of Object.keys(signalCodes)) {
			process.on(signal, onSignal);
		}

		process.on('uncaughtException', onError);
		process.on('unhandledRejection', onError);
		// Last resort if something calls process.exit while the screen is up.
		process.on('exit', restore);
		instance.waitUntilExit().then(() => {
			finish(0);
		}, onError);
	});
};
