import xterm from '@xterm/headless';
import {expect, test} from 'vitest';
import {bufferToSvg, bufferToText} from '../../scripts/lib/svg.js';

const screenOf = async (data: string) => {
	const terminal = new xterm.Terminal({
		cols: 20, rows: 3, allowProposedApi: true, convertEol: true,
	});
	await new Promise<void>(resolve => {
		terminal.write(data, resolve);
	});
	return terminal.buffer.active;
};

test('each run of cells keeps its colour, weight and place; inverse swaps colours', async () => {
	const buffer = await screenOf('\u001B[1;31mFailed\u001B[0m a<b\n\u001B[7m sel \u001B[0m\u001B[38;5;46m✓\u001B[0m');
	const svg = bufferToSvg(buffer, {cols: 20, rows: 3});
	expect(svg).toContain('fill="#cd3131" font-weight="bold" textLength="50.4" lengthAdjust="spacingAndGlyphs">Failed</text>');
	expect(svg).toContain('> a&lt;b</text>');
	// Inverse: the default background becomes the text colour, the default foreground the cell.
	expect(svg).toMatch(/<rect x="12\.0" y="30" width="42\.0" height="18" fill="#d4d4d4"\/>/v);
	expect(svg).toContain('fill="#1e1e1e" textLength="33.6" lengthAdjust="spacingAndGlyphs"> sel</text>');
	expect(svg).toContain('fill="#00ff00" textLength="8.4" lengthAdjust="spacingAndGlyphs">✓</text>');
	expect(bufferToText(buffer, 3)).toBe('Failed a<b\n sel ✓\n');
});
