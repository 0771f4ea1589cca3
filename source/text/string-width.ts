import stringWidth, {type Options} from 'string-width';

/** Only printable ASCII: every character its own grapheme, one column wide. */
const printableAscii = /^[\u0020-\u007E]*$/v;

/**
string-width 7 with a fast path for printable ASCII, which is most of what a table, a frame and the
help text measure. string-width runs a grapheme segmenter and two Unicode regexps on every
character, ASCII or not: ~35 ms of `--help` (yargs measures each cell several times). The answer
is the same (a test compares them). scripts/bundle.js gives this to every `string-width` import in
the bundle: Ink's, yargs' and ours.
*/
export const fastStringWidth = (text: string, options?: Options): number =>
	printableAscii.test(text) ? text.length : stringWidth(text, options);
