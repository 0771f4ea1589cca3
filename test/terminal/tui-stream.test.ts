import {expect, test} from 'vitest';
import {compressMoves} from '../../source/terminal/tui-stream.js';

const cnl = '\u001B[E';

test('a run of line-by-line cursor moves becomes one counted move; single moves and other text stay', () => {
	expect(compressMoves(`\u001B[44A${cnl.repeat(3)}\u001B[Grow 4\u001B[K\n${cnl.repeat(40)}`))
		.toBe('\u001B[44A\u001B[3E\u001B[Grow 4\u001B[K\n\u001B[40E');
	expect(compressMoves(`a${cnl}b`)).toBe(`a${cnl}b`);
	expect(compressMoves('no moves')).toBe('no moves');
});
