/**
The memory list answers are read into: two blocks kept for the client's life, lent to one call at a
time. A 10k-job answer is ~3.5 MB; a fresh block per poll made glibc raise its mmap threshold to that
size after the first one was freed, and the later ones came from (and fragmented) the heap, which RSS
kept. Two blocks because the list reader (list-records.ts) compares each answer with the last one's
bytes: the block it holds is *kept*, and the next answer is read into the other. The lender gives the
block back (`release`) before the bytes it lent are needed by anyone else, saying whether the reader now
holds them; a second call while a block is lent gets undefined (and allocates its own).
*/
export type BodyBuffer = {
	/** `size` bytes of the block not kept (grown if needed), or undefined while a block is lent out. */
	readonly lease: (size: number) => Uint8Array | undefined;
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
		lease(size) {
			if (lent) {
				return undefined;
			}

			lent = true;
			const free = 1 - kept;
			if (blocks[free]!.byteLength < size) {
				blocks[free] = new Uint8Array(Math.ceil(size * 1.25)); // Room for the list to grow a little
			}

			return blocks[free]!.subarray(0, size);
		},
		release(keep) {
			lent = false;
			if (keep) {
				kept = 1 - kept;
			}
		},
	};
};
