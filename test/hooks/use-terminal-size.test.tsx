import {render, Text} from 'ink';
import {expect, test} from 'vitest';
import {useTerminalSize} from '../../source/hooks/use-terminal-size.js';
import {screenStream} from '../../source/terminal/tui-stream.js';
import {FakeTtyIn, FakeTtyOut} from '../helpers/fake-tty.js';
import {eventually, tick} from '../helpers/wait.js';

function Size() {
	const {columns, rows} = useTerminalSize();
	return <Text>{`size ${columns}x${rows}`}</Text>;
}

/*
The screen stream reports one column less while Ink handles a resize (so Ink repaints), and ends that
in a resize listener registered after Ink's. When React runs the app's effect before that listener is
registered, the app's listener comes first: it must still read the new size, not the shrunk one.
*/
test('after a resize the layout gets the terminal\'s size, whichever resize listener runs first', async () => {
	const out = new FakeTtyOut(60, 20);
	let text = '';
	out.onWrite = chunk => {
		text += chunk;
	};

	const screen = screenStream(out.asStream());
	const instance = render(<Size/>, {
		stdout: screen.stream, stdin: new FakeTtyIn().asStream(), patchConsole: false, exitOnCtrlC: false,
	});
	await eventually(() => {
		expect(text).toContain('size 60x20');
	});
	await tick(); // The app's resize listener is registered now, before the stream's own
	screen.afterInkListeners();
	text = '';
	out.resize(50, 8);
	await eventually(() => {
		expect(text).toContain('size 50x8');
	});
	await tick();
	expect(text).not.toContain('size 49x8');
	instance.unmount();
	screen.dispose();
});
