import {sanitize} from '../api/sanitize.js';

/**
Desktop notifications written into the terminal's output, so they travel over SSH like any text.
OSC 9 (`ESC ] 9 ; text BEL`) is the common form: iTerm2, WezTerm, Windows Terminal, kitty, Ghostty,
foot. OSC 777 (`ESC ] 777 ; notify ; title ; body BEL`) is rxvt-unicode's and VTE's (GNOME Terminal,
Tilix, with the notification patch most distributions ship). tmux swallows unknown OSCs unless they
are wrapped in its DCS passthrough (`ESC P tmux; … ESC \`, every ESC inside doubled; tmux ≥ 3.3 also
needs `set -g allow-passthrough on`); GNU screen passes a DCS on as well.
*/
export type OscForm = '9' | '777';
export type Multiplexer = 'tmux' | 'screen' | 'none';

export type NotifyTarget = {readonly form: OscForm; readonly multiplexer: Multiplexer};

const esc = '\u001B';
const bel = '\u0007';

/** Which form the terminal reads, from its environment (what we can know through SSH: TERM, and the variables terminals set). */
export const notifyTarget = (env: Readonly<Record<string, string | undefined>>): NotifyTarget => {
	const term = env['TERM'] ?? '';
	const outer = env['TERM_PROGRAM'] ?? '';
	const vte = env['VTE_VERSION'] !== undefined && outer === '';
	const form: OscForm = term.startsWith('rxvt') || vte ? '777' : '9';
	let multiplexer: Multiplexer = 'none';
	if (env['TMUX'] !== undefined) {
		multiplexer = 'tmux';
	} else if (env['STY'] !== undefined || term.startsWith('screen')) {
		multiplexer = 'screen';
	}

	return {form, multiplexer};
};

/**
The text of a notification: sanitized like every server string (no ESC, BEL or other control can
end the OSC early or start another) and short.
*/
export const notificationText = (text: string, maxLength = 240): string => sanitize(text, maxLength).trim();

export const oscNotification = (title: string, body: string, target: NotifyTarget): string => {
	// `;` separates OSC 777's fields; ConEmu reads `OSC 9 ; <digit>` as one of its own commands.
	const cleanTitle = notificationText(title, 80).replaceAll(';', ',').replace(/^(?=\d)/v, 'job ');
	const cleanBody = notificationText(body);
	const sequence = target.form === '777'
		? `${esc}]777;notify;${cleanTitle};${cleanBody}${bel}`
		: `${esc}]9;${cleanTitle}: ${cleanBody}${bel}`;
	switch (target.multiplexer) {
		case 'tmux': {
			return `${esc}Ptmux;${sequence.replaceAll(esc, esc + esc)}${esc}\\`;
		}

		case 'screen': {
			return `${esc}P${sequence}${esc}\\`;
		}

		case 'none': {
			return sequence;
		}
	}
};
