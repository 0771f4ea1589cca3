/**
OSC 52 asks the terminal to put text on the clipboard. It travels with the output, so it works over
SSH; inside tmux it needs `set -g set-clipboard on`.
*/
import {Buffer} from 'node:buffer';

export const osc52 = (text: string): string => `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
