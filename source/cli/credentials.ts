import {readFile} from 'node:fs/promises';
import type {PendingCredential} from '../config/config.js';
import {askPassword} from './password-prompt.js';

export type TokenOutcome
	= | {readonly kind: 'token'; readonly token: string}
		| {readonly kind: 'usage-error'; readonly message: string}
		| {readonly kind: 'interrupted'};

export type CredentialIo = {
	readonly readFile: (path: string) => Promise<string>;
	/** Undefined when there is no terminal to ask on. */
	readonly ask: ((question: string) => Promise<string | undefined>) | undefined;
};

export const processIo = (): CredentialIo => ({
	readFile: async path => readFile(path, 'utf8'),
	ask: process.stdin.isTTY && process.stderr.isTTY ? async question => askPassword(question) : undefined,
});

/** The I/O half of credentials (config.ts decided which one applies). Messages name the file, never its content. */
export const resolvePending = async (pending: PendingCredential, io: CredentialIo): Promise<TokenOutcome> => {
	switch (pending.kind) {
		case 'token-file': {
			let content: string;
			try {
				content = await io.readFile(pending.path);
			} catch (error: unknown) {
				const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
				return {kind: 'usage-error', message: `cannot read --token-file ${pending.path} (${code})`};
			}

			// One line; a trailing newline from `echo > file` is not part of the token.
			const token = content.split(/\r?\n/v, 1)[0]!.trim();
			return token === '' ? {kind: 'usage-error', message: `--token-file ${pending.path} is empty`} : {kind: 'token', token};
		}

		case 'password-prompt': {
			if (io.ask === undefined) {
				return {kind: 'usage-error', message: `no password for user ${pending.user}: set MILVUS_PASSWORD (or use --token-file); there is no terminal to ask on`};
			}

			const password = await io.ask(`Password for ${pending.user}: `);
			return password === undefined ? {kind: 'interrupted'} : {kind: 'token', token: `${pending.user}:${password}`};
		}
	}
};
