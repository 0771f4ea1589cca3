import {createInterface} from 'node:readline';
import {Writable} from 'node:stream';

type Input = NodeJS.ReadableStream & {readonly isTTY?: boolean};
type Output = NodeJS.WritableStream;

/**
Ask for a password on the terminal without echoing it: readline writes through a sink that goes
quiet once the question is shown. The prompt goes to stderr so stdout stays clean for pipes.
Resolves undefined on Ctrl-C or end of input.
*/
export const askPassword = async (question: string, input: Input = process.stdin, output: Output = process.stderr): Promise<string | undefined> => {
	let muted = false;
	const sink = new Writable({
		write(chunk: Uint8Array | string, _encoding, callback) {
			if (!muted) {
				output.write(chunk);
			}

			callback();
		},
	});
	const readline = createInterface({input, output: sink, terminal: true});
	return new Promise(resolve => {
		let answered = false;
		const finish = (answer: string | undefined) => {
			if (answered) {
				return;
			}

			answered = true;
			readline.close();
			output.write('\n');
			resolve(answer);
		};

		readline.question(question, answer => {
			finish(answer);
		});
		muted = true;
		readline.on('SIGINT', () => {
			finish(undefined);
		});
		readline.on('close', () => {
			finish(undefined);
		});
	});
};
