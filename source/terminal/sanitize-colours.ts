/**
Ink 6.8 cleans the text of every `<Text>` of escape sequences other than colours at every frame, at each
level of nesting (its sanitize-ansi.js): it tokenizes the whole text into objects whenever the text holds
an escape character at all, so a job row's coloured runs were tokenized again at every frame although
nothing in them is ever removed. A text whose only escapes are colour codes (`ESC [ digits;… m`) and that
holds no C1 control is what Ink's sanitizer gives back unchanged; it is returned as it is, found by one
regular-expression search. Anything else goes to Ink's sanitizer (a test compares the two on generated
texts). scripts/lib/bundle-plugins.js wraps Ink's function with this.
*/
const notAColour = /\u001B(?!\[[\d;]*m)|[\u0080-\u009F]/v;

export const withColourFastPath = (sanitize: (text: string) => string): ((text: string) => string) =>
	text => notAColour.test(text) ? sanitize(text) : text;
