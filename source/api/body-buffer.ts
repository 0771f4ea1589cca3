/**
One block of memory that list answers are read into, lent to one reader at a time. A 10k-job answer is
~3.5 MB; a fresh block per poll made glibc raise its mmap threshold to that size after the first one
was freed, and the later ones came from (and fragmented) the heap, which RSS kept. One block kept for
the client's life costs its size once. The lender must give it back (`release`) before the bytes it
lent are needed by anyone else; a second reader while it is lent gets undefined (and allocates its own).
*/
export type BodyBuffer = {
	/** `size` bytes of the block (grown if needed), or undefined while they are lent out. */
	readonly lease: (size: number) => Uint8Array | undefined;
	readonly release: () => void;
};

export const createBodyBuffer = (): BodyBuffer => {
	let block = new Uint8Array(0);
	let lent = false;
	return {
		lease(size) {
			if (lent) {
				return undefined;
			}

			lent = true;
			if (block.byteLength < size) {
				block = new Uint8Array(Math.ceil(size * 1.25)); // Room for the list to grow a little
			}

			return block.subarray(0, size);
		},
		release() {
			lent = false;
		},
	};
};
