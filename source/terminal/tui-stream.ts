import {Buffer} from 'node:buffer';
import {readInkWrite} from './ink-writes.js';
import {screenDiff, type ScreenDiff} from './screen-diff.js';

/**
The stdout Ink draws on while the app owns the alternate screen. Ink's frames go through the
screen diff (screen-diff.ts): the terminal gets only the cells that changed, in one write
bracketed by synchronized output (mode 2026), so a terminal that knows the mode never shows half a
frame. Ink is told the terminal is one column narrower than it is: the diff never writes the last
column. A resize repaints the last frame at once (Ink only repaints when its frame changes) and
never erases the scrollback (Ink's clearTerminal sends `CSI 3J`, which empties tmux's history).

A resize is known by its signal (SIGWINCH), not only by Node's 'resize' event: Node emits that only
when the size it reads differs from the one it had, and a terminal that shrinks and grows back before
the app reads the size (a loaded machine, a window dragged) has changed its own screen meanwhile
(xterm.js and tmux drop the top lines to keep the cursor's row, or the bottom ones), with nothing to
say so but the signal. Every SIGWINCH repaints.
*/
export type ScreenStream = {
	readonly stream: NodeJS.WriteStream;
	readonly dispose: () => void;
};

const beginUpdate = '\u001B[?2026h';
const endUpdate = '\u001B[?2026l';

/** Where SIGWINCH is heard: the process (tests hand in their own emitter). */
export type Signals = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

export const screenStream = (stdout: NodeJS.WriteStream, diff: ScreenDiff = screenDiff(), signals: Signals = process): ScreenStream => {
	let last: readonly string[] | undefined;
	let repaintDue = false;
	const draw = (lines: readonly string[]) => {
		last = lines;
		const bytes = diff.update(lines, {columns: stdout.columns, rows: stdout.rows});
		if (bytes !== '') {
			stdout.write(beginUpdate + bytes + endUpdate);
		}
	};

	const write = (chunk: string | Uint8Array): boolean => {
		const {frame, passThrough} = readInkWrite(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		if (passThrough !== '') {
			stdout.write(passThrough);
		}

		if (frame !== undefined) {
			repaintDue = false;
			draw(frame);
		}

		return true;
	};

	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			if (property === 'columns') {
				return Math.max(1, target.columns - 1);
			}

			if (property === 'reservedColumns') {
				return target.columns > 1 ? 1 : 0;
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value; // eslint-disable-line @typescript-eslint/no-unsafe-return
		},
	});
	const onResize = () => {
		diff.invalidate();
		repaintDue = true;
		// After Ink and the app have handled the resize: a frame from them repaints; if none came, the last one does.
		setImmediate(() => {
			if (repaintDue && last !== undefined) {
				repaintDue = false;
				draw(last);
			}
		});
	};

	stdout.on('resize', onResize);
	signals.on('SIGWINCH', onResize);
	return {
		stream,
		dispose() {
			stdout.off('resize', onResize);
			signals.off('SIGWINCH', onResize);
			const reset = diff.finish();
			if (reset !== '') {
				stdout.write(reset);
			}
		},
	};
};
