import {afterAll, expect, test} from 'vitest';
import type {DemoServer} from '../../source/demo/index.js';
import type {Term} from '../helpers/term.js';
import {jobRows, startCli, startSeededDemo} from './cli.js';

/*
No key, escape sequence or stray byte may end the app (issue 10). Ink 6's useInput read `keypress.name`
of a ctrl key that has none (Ctrl+F1 is `ESC[1;5P`; `ESC[0m` and `ESC[5n` parse as ctrl too) and threw
"Cannot read properties of undefined (reading 'startsWith')": exit 1, which under --wait means "a job
failed". The bundle patches it (scripts/lib/bundle-plugins.js, inkInputWithoutName); this feeds the built
CLI every xterm function-key sequence with every modifier, the sequences seen in the wild, and random bytes.
*/
let server: DemoServer | undefined;
let term: Term | undefined;

afterAll(async () => {
	term?.kill('SIGKILL');
	await server?.close();
});

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4, meta 8); 2…16 is every combination. */
const modifiers = Array.from({length: 15}, (_, index) => index + 2);
const letterKeys = ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'P', 'Q', 'R', 'S'];
// Insert, Delete, Home/End (vt220), PageUp/Down, F5…F20.
const tildeKeys = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34];

const functionKeySequences = (): string[] => [
	...letterKeys.flatMap(letter => [`\u001BO${letter}`, `\u001B[${letter}`, ...modifiers.map(modifier => `\u001B[1;${modifier}${letter}`)]),
	...tildeKeys.flatMap(code => [`\u001B[${code}~`, ...modifiers.map(modifier => `\u001B[${code};${modifier}~`)]),
	// rxvt's modified keys.
	...letterKeys.map(letter => `\u001BO${letter.toLowerCase()}`),
	...tildeKeys.flatMap(code => [`\u001B[${code}^`, `\u001B[${code}$`, `\u001B[${code}@`]),
];

/** Sequences that reach stdin without being keys: SGR, device status, a paste with colour in it. */
const strays = [
	'\u001B[0m',
	'\u001B[31m',
	'\u001B[5n',
	'\u001B[6n',
	'\u001B[1;7P',
	'\u001B[?1;2c',
	'\u001B]0;title\u0007',
	'\u001B[200~pasted \u001B[31mred\u001B[0m text\u001B[201~',
	'\u001B[I',
	'\u001B[O',
	'\u001B[M !!',
	'\u001B[<0;1;1M',
];

/** Deterministic bytes; every byte except the quit keys (`q`, Ctrl-C), so the app must still be there at the end. */
const randomBytes = (seed: number, length: number): string => {
	let state = seed;
	let text = '';
	while (text.length < length) {
		state = ((state * 1_103_515_245) + 12_345) % 2_147_483_648;
		const byte = state % 256;
		if (byte !== 0x71 && byte !== 0x03) {
			text += String.fromCodePoint(byte);
		}
	}

	return text;
};

test('every function key with every modifier, stray sequences and random bytes: ignored, the app keeps running', async () => {
	server = await startSeededDemo();
	term = startCli(['--uri', server.url, '--interval', '0.5']);
	await term.waitFor(screen => jobRows(screen).length >= 5, 'the job rows', 15_000);
	const sequences = [...functionKeySequences(), ...strays];
	expect(sequences.length).toBeGreaterThan(700);
	// A few at a time, so Ink reads them as separate events as well as in bursts.
	for (let index = 0; index < sequences.length; index += 7) {
		term.write(sequences.slice(index, index + 7).join(''));
	}

	for (let seed = 1; seed <= 20; seed++) {
		term.write(randomBytes(seed, 64));
	}

	// Back to the list from whatever mode the bytes left (filter, help, a picker), then quit: still alive, exit 0.
	await term.waitFor(() => true, 'a flush');
	term.write('\u001B');
	await term.waitFor(screen => !screen.includes('TypeError'), 'a frame');
	for (let index = 0; index < 4; index++) {
		term.write('\u001B');
	}

	term.write('q');
	const code = await term.waitForExit(15_000);
	expect(term.output()).not.toContain('TypeError');
	expect(term.output()).not.toContain('Cannot read properties');
	expect(code).toBe(0);
}, 60_000);
