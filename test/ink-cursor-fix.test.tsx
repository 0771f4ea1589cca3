import {Box, render, Text} from 'ink';
import xterm from '@xterm/headless';
import {expect, test} from 'vitest';
import {fixRedraw, withInkCursorFix} from '../source/ink-cursor-fix.js';
import {FakeTtyOut} from './helpers/fake-tty.js';
import {eventually} from './helpers/wait.js';

test('fixRedraw adds one line to the cursor-up that starts a redraw, and touches nothing else', () => {
	expect(fixRedraw('\u001B[26A\u001B[1Gheader\u001B[K\n')).toBe('\u001B[27A\u001B[1Gheader\u001B[K\n');
	expect(fixRedraw('\u001B[0A\u001B[E')).toBe('\u001B[1A\u001B[E');
	for (const other of ['first frame\n', '\u001B[2K\u001B[1A\u001B[G', '\u001B[?2026h', '\u001B]52;c;MTIz\u0007', '\u0007', 'a\u001B[3A']) {
		expect(fixRedraw(other)).toBe(other);
	}
});

function Lines({lines}: {readonly lines: readonly string[]}) {
	return <Box flexDirection='column'>{lines.map(line => <Text key={line}>{line}</Text>)}</Box>;
}

/** Ink renders two frames (rows − 1 tall, as the app's) into a headless xterm (convertEol: what a PTY's onlcr does); the screen after the second. */
const twoFrames = async (fix: boolean): Promise<string[]> => {
	const rows = 6;
	const terminal = new xterm.Terminal({
		cols: 40, rows, allowProposedApi: true, convertEol: true,
	});
	const out = new FakeTtyOut(40, rows);
	out.onWrite = text => {
		terminal.write(text);
	};

	const stdout = fix ? withInkCursorFix(out.asStream()) : out.asStream();
	const frame = (n: number) => ['header ' + String(n), 'row a', 'row b ' + String(n), 'row c', 'footer'];
	const instance = render(<Lines lines={frame(1)}/>, {
		stdout, incrementalRendering: true, patchConsole: false, exitOnCtrlC: false,
	});
	const firstWrites = out.writes;
	instance.rerender(<Lines lines={frame(2)}/>);
	await eventually(() => {
		expect(out.writes).toBeGreaterThan(firstWrites);
	});
	instance.unmount();
	await new Promise<void>(resolve => {
		terminal.write('', resolve);
	});
	const buffer = terminal.buffer.active;
	return Array.from({length: rows}, (_, y) => buffer.getLine(y)?.translateToString(true) ?? '');
};

test('with the fix, an incremental redraw lands in place', async () => {
	expect(await twoFrames(true)).toEqual(['header 2', 'row a', 'row b 2', 'row c', 'footer', '']);
});

// Documents why the fix exists; when this fails, Ink renders in place by itself (Ink 7, vadimdemedes/ink#910) and the fix can go.
test('without it, Ink 6.8 draws the second frame one row low: the old header stays, old and new rows mix', async () => {
	// Changed lines are written one row low; unchanged ones are skipped, so what was below them shows.
	expect(await twoFrames(false)).toEqual(['header 1', 'header 2', 'row b 1', 'row b 2', 'footer', '']);
});
