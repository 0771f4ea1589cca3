/**
The memory list answers are read into: two blocks kept for the client's life, lent to one call at a
time. A 10k-job answer is ~3.5 MB; a fresh block per poll made glibc raise its mmap threshold to that
size after the first one was freed, and the later ones came from (and fragmented) the heap, which RSS
kept. Two blocks because the list reader (list-records.ts) compares each answer with the last one's
bytes: the block it holds is *kept*, and the next answer is read into the other. The lender gives the
block back (`release`) before the bytes it lent are needed by anyone else, saying whether the reader now
holds them; a second call while a block is lent gets undefined (and collects its own).

Each chunk is copied into the block as it arrives, so the socket's chunks die young: collecting them
first and copying at the end held the whole answer twice (the chunks and the block) until the next
full GC, several MB of every poll's peak at 10k jobs.
*/
export type BodySink = {
	/** Appends a chunk, growing the block when it is full (a bigger block, what was written copied over). */
	readonly append: (chunk: Uint8Array) => void;
	/** What was appended: a view of the block (the same object until the next append), good until the block is given back. */
	readonly bytes: () => Uint8Array;
};

export type BodyBuffer = {
	/** A sink writing into the block not kept, or undefined while a block is lent out. */
	readonly lease: () => BodySink | undefined;
	/**
	Gives the lent block back. `keep`: its bytes are held from now on (they stay as they are until the
	other block is kept), so the next lease gets the other block; otherwise it is free again.
	*/
	readonly release: (keep: boolean) => void;
};

export const createBodyBuffer = (): BodyBuffer => {
	const blocks = [new Uint8Array(0), new Uint8Array(0)];
	/** The block whose bytes are held; the other one is lent. */
	let kept = 1;
	let lent = false;
	return {
		lease() {
			if (lent) {
				return undefined;
			}

			lent = true;
			const free = 1 - kept;
			let size = 0;
			let view: Uint8Array | undefined;
			return {
				append(chunk) {
					const end = size + chunk.byteLength;
					if (end > blocks[free]!.byteLength) {
						// Room for the list to grow a little; doubling while a first answer streams in. Pages never written stay unallocated.
						const grown = new Uint8Array(Math.max(Math.ceil(end * 1.25), blocks[free]!.byteLength * 2));
						grown.set(blocks[free]!.subarray(0, size));
						blocks[free] = grown;
					}

					blocks[free]!.set(chunk, size);
					size = end;
					view = undefined;
				},
				bytes() {
					view ??= blocks[free]!.subarray(0, size);
					return view;
				},
			};
		},
		release(keep) {
			lent = false;
			if (keep) {
				kept = 1 - kept;
			}
		},
	};
};
