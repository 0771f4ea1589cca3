import {Buffer} from 'node:buffer';
import {EventEmitter} from 'node:events';

/*
Ink talks to its streams through Node's EventEmitter API (`on('resize')`, `addListener('readable')`),
so these fakes are EventEmitters and are handed to Ink under the stream types it declares.
*/
/* eslint-disable unicorn/prefer-event-target, @typescript-eslint/no-unsafe-type-assertion */

/**
A terminal's output side without a terminal: Ink sees a TTY of `columns`×`rows`, and every byte it
writes is counted and handed to `onWrite` (a headless xterm, a byte counter, a frame watcher).
*/
export class FakeTtyOut extends EventEmitter {
	columns: number;
	rows: number;
	bytes = 0;
	writes = 0;
	onWrite: ((text: string) => void) | undefined;

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	get isTTY(): boolean {
		return true;
	}

	write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		this.bytes += Buffer.byteLength(text);
		this.writes++;
		this.onWrite?.(text);
		const callback = rest.find((argument): argument is () => void => typeof argument === 'function');
		if (callback !== undefined) {
			queueMicrotask(callback);
		}

		return true;
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}

	asStream(): NodeJS.WriteStream {
		return this as unknown as NodeJS.WriteStream;
	}
}

/** Keyboard input for Ink without a TTY: each `type` is one read, as from a terminal. */
export class FakeTtyIn extends EventEmitter {
	private readonly pending: string[] = [];

	get isTTY(): boolean {
		return true;
	}

	type(data: string): void {
		this.pending.push(data);
		this.emit('readable');
	}

	// Ink reads until null, like a stream's read().
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	read(): string | null {
		return this.pending.shift() ?? null;
	}

	setEncoding(): this {
		return this;
	}

	setRawMode(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}

	asStream(): NodeJS.ReadStream {
		return this as unknown as NodeJS.ReadStream;
	}
}
/* eslint-enable unicorn/prefer-event-target, @typescript-eslint/no-unsafe-type-assertion */
