import {EventEmitter} from 'node:events';
import {expect, test} from 'vitest';
import {screenDiff} from '../../source/terminal/screen-diff.js';
import {screenStream} from '../../source/terminal/tui-stream.js';
import {FakeTtyOut} from '../helpers/fake-tty.js';
import {headlessTerminal, screenText, writeTo} from '../helpers/xterm.js';

/** What Ink 6.8's standard renderer writes: the previous frame's erase (ansi-escapes' eraseLines), then the frame. */
const eraseLines = (count: number): string => count === 0 ? '' : `${'\u001B[2K\u001B[1A'.repeat(count - 1)}\u001B[2K\u001B[G`;
const inkFrame = (lines: readonly string[], previous = 0): string => eraseLines(previous) + lines.join('\n') + '\n';

const setup = (columns = 30, rows = 8) => {
	const out = new FakeTtyOut(columns, rows);
	const terminal = headlessTerminal(columns, rows);
	const writes: string[] = [];
	out.onWrite = text => {
		writes.push(text);
	};

	const screen = screenStream(out.asStream());
	const flush = async () => {
		await writeTo(terminal, writes.join(''));
	};

	return {
		out, terminal, writes, screen, flush,
	};
};

test('Ink is told the terminal is a column narrower: the last column is never written', () => {
	const {screen} = setup(30, 8);
	expect(screen.stream.columns).toBe(29);
	expect(screen.stream.rows).toBe(8);
	screen.dispose();
});

test('a frame goes out as one synchronized update; the next sends only the cells that changed', async () => {
	const {screen, writes, terminal, flush} = setup();
	screen.stream.write(inkFrame(['Importing  50s  \u001B[32m████\u001B[39m 40%', 'Completed  2m']));
	expect(writes).toHaveLength(1);
	expect(writes[0]!.startsWith('\u001B[?2026h')).toBe(true);
	expect(writes[0]!.endsWith('\u001B[?2026l')).toBe(true);
	screen.stream.write(inkFrame(['Importing  51s  \u001B[32m████\u001B[39m 40%', 'Completed  2m'], 2));
	expect(writes).toHaveLength(2);
	// From where the last update left it (row 2, column 13) the cursor goes up one and back one to the changed digit, written alone.
	expect(writes[1]).toBe('\u001B[?2026h\u001B[A\b1\u001B[?2026l');
	screen.stream.write(inkFrame(['Importing  51s  \u001B[32m████\u001B[39m 40%', 'Completed  2m'], 2));
	expect(writes).toHaveLength(2);
	await flush();
	expect(screenText(terminal).slice(0, 2)).toEqual(['Importing  51s  ████ 40%', 'Completed  2m']);
	screen.dispose();
});

test('a resize repaints the last frame even when Ink sends none, and never erases the scrollback (CSI 3J)', async () => {
	const {screen, writes, out, terminal, flush} = setup();
	screen.stream.write(inkFrame(['one', 'two']));
	// Ink's frame as tall as the terminal: it clears with clearTerminal (2J 3J H) before writing.
	screen.stream.write('\u001B[2J\u001B[3J\u001B[Hthree\nfour');
	out.resize(20, 6);
	terminal.resize(20, 6);
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	await flush();
	expect(writes.join('')).not.toContain('\u001B[3J');
	expect(writes.at(-1)).toContain('\u001B[2J');
	expect(screenText(terminal).slice(0, 3)).toEqual(['three', 'four', '']);
	screen.dispose();
});

test('cursor visibility and what the app sends itself (OSC 52) go through; Ink\'s own brackets and erases do not', () => {
	const {screen, writes} = setup();
	screen.stream.write('\u001B[?25l');
	screen.stream.write('\u001B[?2026h');
	screen.stream.write('\u001B]52;c;MTIz\u0007');
	screen.stream.write(eraseLines(3));
	expect(writes).toEqual(['\u001B[?25l', '\u001B]52;c;MTIz\u0007']);
	screen.dispose();
});

test('a resize the app never sees as a new size (down and back before it reads the size) still repaints: the terminal changed its own screen', async () => {
	// Stands in for the process, an EventEmitter, where SIGWINCH is heard.
	const signals = new EventEmitter(); // eslint-disable-line unicorn/prefer-event-target
	const out = new FakeTtyOut(30, 8);
	const terminal = headlessTerminal(30, 8);
	const writes: string[] = [];
	out.onWrite = text => {
		writes.push(text);
	};

	const screen = screenStream(out.asStream(), screenDiff(), signals);
	const lines = ['header', 'counts', 'one', 'two', 'three', 'four', 'footer'];
	screen.stream.write(inkFrame(lines));
	await writeTo(terminal, writes.join(''));
	writes.length = 0;
	expect(screenText(terminal).slice(0, 7)).toEqual(lines);
	// The terminal shrinks (xterm.js keeps the cursor's row, on the footer, and drops the top line; a shrink
	// with the cursor higher drops the bottom lines) and grows back: the size the app reads is the one it had,
	// so Node emits no 'resize'. Only the signal says that something happened.
	terminal.resize(30, 5);
	terminal.resize(30, 8);
	expect(screenText(terminal).slice(0, 7)).not.toEqual(lines);
	signals.emit('SIGWINCH');
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	await writeTo(terminal, writes.join(''));
	expect(screenText(terminal).slice(0, 7)).toEqual(lines);
	screen.dispose();
	expect(signals.listenerCount('SIGWINCH')).toBe(0);
});
