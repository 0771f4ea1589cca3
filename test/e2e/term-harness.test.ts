import {expect, test} from 'vitest';
import {keys, startTerm} from '../helpers/term.js';

// The harness itself: a real PTY, a real terminal emulator, and the screen as a person sees it.
test('reads the screen, types, sees the alternate screen and the exit code', async () => {
	const script = [
		String.raw`process.stdout.write('\x1b[?1049h\x1b[?25lhello ' + process.stdout.columns + 'x' + process.stdout.rows + '\n');`,
		'process.stdin.setRawMode(true);',
		String.raw`process.stdin.once('data', d => { process.stdout.write('got ' + JSON.stringify(String(d)) + '\n');`,
		// Leaves on the next key, not after a delay: on a loaded machine a 50 ms window could close before the screen was read.
		String.raw`process.stdin.once('data', () => { process.stdout.write('\x1b[?25h\x1b[?1049l'); process.exit(7); }); });`,
	].join(' ');
	const term = startTerm(process.execPath, ['-e', script], {cols: 90, rows: 20, env: {CI: 'true'}});
	await term.waitForText('hello 90x20');
	expect(term.isAlternateScreen()).toBe(true);
	expect(term.isCursorHidden()).toBe(true);
	term.write(keys.up);
	await term.waitForText(String.raw`got "\u001b[A"`);
	term.write('q');
	expect(await term.waitForExit()).toBe(7);
	expect(term.isAlternateScreen()).toBe(false);
	expect(term.isCursorHidden()).toBe(false);
});
