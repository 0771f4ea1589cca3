import {Unicode11Addon} from '@xterm/addon-unicode11';
import xterm from '@xterm/headless';

export type HeadlessTerminal = InstanceType<typeof xterm.Terminal>;

/** A headless xterm that measures characters as terminals of today do (Unicode 11: emoji are wide). */
export const headlessTerminal = (columns: number, rows: number): HeadlessTerminal => {
	const created = new xterm.Terminal({
		cols: columns, rows, allowProposedApi: true, scrollback: 0,
	});
	// The addon is typed for @xterm/xterm; it only uses the core that @xterm/headless shares.
	// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
	created.loadAddon(new Unicode11Addon() as unknown as Parameters<HeadlessTerminal['loadAddon']>[0]);
	created.unicode.activeVersion = '11';
	return created;
};

export const writeTo = async (terminal: HeadlessTerminal, data: string) => new Promise<void>(resolve => {
	terminal.write(data, resolve);
});

/** The visible screen as text, one string per row, trailing spaces trimmed. */
export const screenText = (terminal: HeadlessTerminal): string[] => {
	const buffer = terminal.buffer.active;
	return Array.from({length: terminal.rows}, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
};
