/**
The memory list answers are read into: one block kept for the client's life, lent to one call at a
time. A 10k-job answer is ~3.5 MB; a fresh block per poll made glibc raise its mmap threshold to that
size after the first one was freed, and the later ones came from (and fragmented) the heap, which RSS
kept. Nothing holds the bytes once the call is done (the list reader keeps fingerprints, list-records.ts):
the call gives the block back (`release`), and a second call while it is lent gets undefined (and
collects its own).

Each chunk is copied into the block as it arrives, so the socket's chunks die young: collecting them
first and copying at the end held the whole answer twice (the chunks and the block) until they were
collected.
*/
export type BodySink = {
	/** Appends a chunk, growing the block when it is full (a bigger block, what was written copied over). */
	readonly append: (chunk: Uint8Array) => void;
	/** What was appended: a view of the block (the same object until the next append), good until the block is given back. */
	readonly bytes: () => Uint8Array;
};

export type BodyBuffer = {
	/** A sink writing into the block from its start, or undefined while the block is lent out. */
	readonly lease: () => BodySink | undefined;
	/** Gives the lent block back: its bytes may be written over from now on. */
	readonly release: () => void;
};

export const createBodyBuffer = (): BodyBuffer => {
	let block = new Uint8Array(0);
	let lent = false;
	return {
		lease() {
			if (lent) {
				return undefined;
			}

			lent = true;
			let size = 0;
			let view: Uint8Array | undefined;
			return {
				append(chunk) {
					const end = size + chunk.byteLength;
					if (end > block.byteLength) {
						// Room for the list to grow a little; doubling while a first answer streams in. Pages never written stay unallocated.
						const grown = new Uint8Array(Math.max(Math.ceil(end * 1.25), block.byteLength * 2));
						grown.set(block.subarray(0, size));
						block = grown;
					}

					block.set(chunk, size);
					size = end;
					view = undefined;
				},
				bytes() {
					view ??= block.subarray(0, size);
					return view;
				},
			};
		},
		release() {
			lent = false;
		},
	};
};
