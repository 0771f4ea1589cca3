/**
Time of `sanitize` per string on the slow path (non-ASCII text: CJK names, emoji, accents, a lone
surrogate, a stray escape sequence); the parse bench only feeds it ASCII, which takes the fast path.
Prints numbers only; speed is not asserted. Run: `npm run bench -- sanitize`.
*/
import {sanitize} from '../source/api/sanitize.js';

const inputs: ReadonlyArray<readonly [string, string]> = [
	['ascii', 'collection_17 import timeout'],
	['accents', 'données_clients naïve café'],
	['cjk', 'コレクション_書籍_二〇二六'],
	['emoji', '📦 books 🚀 import ✅ done'],
	['escape sequence', 'books\u001B[31m failed\u001B[0m: import timeout'],
	['lone surrogate', 'books\uD83D import\uDCE6 done'],
];

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

const strings = 100_000;
const nanosecondsPerString = (text: string): number => {
	// Distinct string objects, as a parsed body gives: no cached result can help.
	const batch = Array.from({length: strings}, (_, index) => `${text}${index % 10}`);
	let sink = 0;
	const samples: number[] = [];
	for (let run = 0; run < 12; run++) {
		const started = performance.now();
		for (const item of batch) {
			sink += sanitize(item).length;
		}

		if (run >= 2) { // The first two runs warm up.
			samples.push(performance.now() - started);
		}
	}

	if (sink === 0) {
		throw new Error('sanitize returned nothing');
	}

	return median(samples) / strings * 1e6;
};

console.log(`sanitize, one server string (median of 10 × ${strings}; node ${process.version})`);
for (const [name, text] of inputs) {
	console.log(`${name.padEnd(16)} ${nanosecondsPerString(text).toFixed(0).padStart(5)} ns`);
}
