import {render, Text} from 'ink';
import {expect, test} from 'vitest';
import {useTerminalSize} from '../../source/hooks/use-terminal-size.js';
import {screenStream} from '../../source/terminal/tui-stream.js';
import {FakeTtyIn, FakeTtyOut} from '../helpers/fake-tty.js';
import {eventually, tick} from '../helpers/wait.js';

/*
The screen stream tells Ink and the app the terminal is one column narrower than it is (the screen diff
never writes the last column). Every resize listener, whichever runs first, must read the new size.
*/
test('after a resize the layout gets the terminal\'s new size, less the last column', async () => {
	const seen: string[] = [];
	function Size() {
		const {columns, rows} = useTerminalSize();
		seen.push(`${columns}x${rows}`);
		return <Text>{`size ${columns}x${rows}`}</Text>;
	}

	const out = new FakeTtyOut(60, 20);
	const screen = screenStream(out.asStream());
	const instance = render(<Size/>, {
		stdout: screen.stream, stdin: new FakeTtyIn().asStream(), patchConsole: false, exitOnCtrlC: false,
	});
	await eventually(() => {
		expect(seen).toContain('59x20');
	});
	await tick();
	out.resize(50, 8);
	await eventually(() => {
		expect(seen.at(-1)).toBe('49x8');
	});
	expect(seen.filter(size => size !== '59x20' && size !== '49x8')).toEqual([]);
	instance.unmount();
	screen.dispose();
});
