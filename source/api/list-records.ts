/**
The list answer read record by record, reusing what the last answer already parsed. A 10k-job answer
is ~3.5 MB of JSON of which ~1 % changes per poll; decoding and `JSON.parse`-ing all of it each time
made ~10 MB of objects that outlived V8's young generation and cost a full GC per poll. Here the body
stays bytes: a scan finds `data.records` and each record's bytes; a record whose bytes are those of
the last answer's record with the same id text gets the Job made from them then (same bytes, same
JSON, same Job); only the others are decoded and parsed, each on its own. The rest of the envelope is parsed
with the array emptied. Whatever the scan does not recognise, or any part that does not parse, makes
it answer `undefined`, and the caller reads the answer the plain way (which then reports the error).

Of the last answer, each record's fingerprint is kept (two 32-bit hashes of its bytes and their count),
not its bytes: keeping the whole body to compare the next one with cost a second multi-MB block for the
client's life (~4.4 MB resident at 10k jobs). The hashes are computed here, in a loop that allocates
nothing: a SHA-256 digest per record (node:crypto) made a view and a 44-character string for each of the
10,000 records every poll (1.5 MB a poll, a fifth of what a 10k-job poll allocated). What a poll
allocates while a full collection is marking, V8 adds to the young generation for that moment, and those
moments were the RSS peaks (cli/young-generation.ts). A fingerprint match is taken as the same bytes. Two different records of
one id match by accident with odds of about 1 in 2^64 per changed record (the id and the length must
match too); a server that wanted to could make them match, but then it shows what it sent for that id
the poll before, which it could have sent again. The map of records
by id lives as long as the reader and is updated in place (Milvus lists the records in a new order every call, so a map rebuilt per poll was 10k random
inserts and 10k-entry garbage each time).
*/
import {Buffer} from 'node:buffer';
import type {Job} from '../model/jobs/job.js';
import {rebuildIfChurned} from '../model/jobs/churn.js';
import type {Result} from './types.js';
import {field, isObject} from './fields.js';
import {readJson} from './json.js';
import {mergeDuplicatesById} from './duplicates.js';
import {parseEnvelope, parseJobs} from './parse.js';

/** A Buffer view of the same memory (for its native indexOf and latin1 decoding); no copy. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const quote = 0x22;
const backslash = 0x5C;
const comma = 0x2C;
const colon = 0x3A;
const openBrace = 0x7B;
const closeBrace = 0x7D;
const openBracket = 0x5B;
const closeBracket = 0x5D;

/** Whether the key's bytes spell `word` (lower case ASCII) in any case, as `field` matches it. */
const keyIs = (bytes: Uint8Array, start: number, end: number, word: string): boolean => {
	if (end - start !== word.length) {
		return false;
	}

	for (let index = 0; index < word.length; index++) {
		const byte = bytes[start + index]!;
		// Upper-case ASCII letters fold to lower case; nothing else does (keys with escapes or non-ASCII bail out earlier).
		if ((byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) !== word.codePointAt(index)) {
			return false;
		}
	}

	return true;
};

/** Where `data.records` sits: the `[` and `]` of the array, and each element's [start, end) between them. */
type Located = {readonly open: number; readonly close: number; readonly elements: readonly number[]};

/**
Finds the one `data.records` array of a JSON object body, or undefined: no object, no such array, a
second key that could be `data` or `records` (JSON.parse keeps the last, `field` matches any case), or
a key at those levels with an escape or a non-ASCII byte (which could spell them otherwise). Reads
structure only (brackets, strings, commas); the caller's JSON.parse calls validate everything else.
`elements` is the array the offsets are written into (emptied first; by default a new one): the
reader passes the same one every poll, 20,000 numbers at 10k jobs that would otherwise be built anew.
*/
export const locateRecords = (bytes: Uint8Array, elements: number[] = []): Located | undefined => {
	const body = asBuffer(bytes);
	const {length} = body;
	/** Per open container: true for an object. */
	const objects: boolean[] = [];
	let expectKey = false;
	let lastKeyStart = -1;
	let lastKeyEnd = -1;
	let dataKeys = 0;
	let recordsKeys = 0;
	/** Inside the one `data` object (at depth 2). */
	let inData = false;
	/** The next value at depth 1 is `data`'s, at depth 2 (in data) `records`'. */
	let dataPending = false;
	let recordsPending = false;
	let open = -1;
	let close = -1;
	elements.length = 0;
	let elementStart = -1;
	let index = 0;
	while (index < length) {
		const byte = body[index]!;
		const depth = objects.length;
		if (byte === quote) {
			let end = body.indexOf(quote, index + 1);
			for (;;) {
				if (end === -1) {
					return undefined;
				}

				let backslashes = 0;
				while (body[end - 1 - backslashes] === backslash) {
					backslashes++;
				}

				if (backslashes % 2 === 0) {
					break;
				}

				end = body.indexOf(quote, end + 1);
			}

			if (depth > 0 && objects[depth - 1] === true && expectKey) {
				expectKey = false;
				lastKeyStart = index + 1;
				lastKeyEnd = end;
				if (depth === 1 || (depth === 2 && inData)) {
					for (let at = lastKeyStart; at < lastKeyEnd; at++) {
						if (body[at] === backslash || body[at]! >= 0x80) {
							return undefined;
						}
					}

					dataPending = depth === 1 && keyIs(body, lastKeyStart, lastKeyEnd, 'data');
					recordsPending = depth === 2 && keyIs(body, lastKeyStart, lastKeyEnd, 'records');
					dataKeys += dataPending ? 1 : 0;
					recordsKeys += recordsPending ? 1 : 0;
				}
			} else {
				if (depth === 3 && open !== -1 && close === -1 && elementStart === -1) {
					elementStart = index;
				}

				// A string value: not an object or array.
				dataPending &&= depth !== 1;
				recordsPending &&= depth !== 2;
			}

			index = end + 1;
			continue;
		}

		switch (byte) {
			case openBrace:
			case openBracket: {
				if (depth === 3 && open !== -1 && close === -1 && elementStart === -1) {
					elementStart = index;
				}

				if (depth === 1 && dataPending) {
					dataPending = false;
					if (byte === openBrace) {
						inData = true;
					}
				} else if (depth === 2 && inData && recordsPending) {
					recordsPending = false;
					if (byte === openBracket && open === -1) {
						open = index;
					}
				}

				objects.push(byte === openBrace);
				expectKey = byte === openBrace;
				break;
			}

			case closeBrace:
			case closeBracket: {
				if (depth === 3 && open !== -1 && close === -1) { // The records array ends
					if (elementStart !== -1) {
						elements.push(elementStart, index);
					} else if (elements.length > 0) {
						return undefined; // A trailing comma
					}

					elementStart = -1;
					close = index;
				}

				objects.pop();
				if (depth === 2) {
					inData = false;
				}

				expectKey = false;
				break;
			}

			case comma: {
				if (depth === 3 && open !== -1 && close === -1) {
					if (elementStart === -1) {
						return undefined;
					}

					elements.push(elementStart, index);
					elementStart = -1;
				}

				expectKey = depth > 0 && objects[depth - 1] === true;
				break;
			}

			case colon: {
				if (depth === 3 && open !== -1 && close === -1 && elementStart === -1) {
					return undefined; // Between the records (inside one, the record's own parse sees it)
				}

				break;
			}

			default: {
				// A scalar or whitespace: a scalar element of the records array starts here.
				if (depth === 3 && open !== -1 && close === -1 && elementStart === -1
					&& byte !== 0x20 && byte !== 0x0A && byte !== 0x0D && byte !== 0x09) {
					elementStart = index;
				}

				if (depth === 1 && dataPending && byte !== 0x20 && byte !== 0x0A && byte !== 0x0D && byte !== 0x09) {
					dataPending = false;
				} else if (depth === 2 && recordsPending && byte !== 0x20 && byte !== 0x0A && byte !== 0x0D && byte !== 0x09) {
					recordsPending = false;
				}
			}
		}

		index++;
	}

	return dataKeys === 1 && recordsKeys === 1 && open !== -1 && close !== -1 ? {open, close, elements} : undefined;
};

/**
What the reader knows of a record of the last answer (or of this one, once `seen` is this poll's
number): its bytes' fingerprint and the Job parsed from them (undefined: a record parseJobs skips).
Updated in place, poll after poll.
*/
type Known = {hashA: number; hashB: number; length: number; job: Job | undefined; seen: number};

/** The last fingerprint `fingerprint` computed: written in place, so that hashing 10,000 records allocates nothing. */
const latest = {hashA: 0, hashB: 0, length: 0};

/**
Hashes the bytes [start, end) into `latest`: FNV-1a (32-bit) and a second hash with another multiplier
and a shift that folds high bits down, so that a change one misses the other still sees.
*/
/* eslint-disable no-bitwise -- 32-bit hashing */
const fingerprint = (body: Uint8Array, start: number, end: number): void => {
	let hashA = 0x81_1C_9D_C5;
	let hashB = 0x97_47_B2_8C;
	for (let at = start; at < end; at++) {
		const byte = body[at]!;
		hashA = Math.imul(hashA ^ byte, 0x01_00_01_93);
		hashB = Math.imul(hashB ^ byte, 0x5B_D1_E9_95);
		hashB ^= hashB >>> 15;
	}

	latest.hashA = hashA;
	latest.hashB = hashB;
	latest.length = end - start;
};
/* eslint-enable no-bitwise */

const sameFingerprint = (entry: Known): boolean =>
	entry.hashA === latest.hashA && entry.hashB === latest.hashB && entry.length === latest.length;

const idNeedle = Buffer.from('"jobId":');

/** The end of the id's text after `"jobId":`: the next comma or closing brace, within the record. */
const idValueEnd = (body: Uint8Array, from: number, end: number): number => {
	let at = from;
	while (at < end && body[at] !== comma && body[at] !== closeBrace) {
		at++;
	}

	return at;
};

/**
Reads a list answer's bytes: what parseListResponse would make of the body, or undefined when the
caller must take the plain way. It keeps nothing of `body` once it returns.
*/
export type ListReader = (body: Uint8Array) => Result<Job[]> | undefined;

/**
A reader that remembers the last answer's records: per record (by the id's text) its bytes' fingerprint
and the Job made from them. One per client.
*/
export const createListReader = (): ListReader => {
	const known = new Map<string, Known>();
	/**
	The last answer's jobs by id, when no id came twice in it: kept up to date with what changed, so a
	poll without duplicates (every Milvus poll) skips the 10k-entry map mergeDuplicates builds.
	*/
	let ids: Map<string, Job> | undefined;
	/** Entries deleted from `known` and `ids` since their tables were last rebuilt (churn.ts). */
	let knownDeleted = 0;
	let idsDeleted = 0;
	let poll = 0;
	/** Each record's [start, end) in the body being read (locateRecords): one array for every poll. */
	const elements: number[] = [];
	const decoder = new TextDecoder();
	/** Forgets everything: the next answer is read from scratch. */
	const forget = () => {
		known.clear();
		ids = undefined;
		knownDeleted = 0;
		idsDeleted = 0;
	};

	/** Removes a job of the last answer from `ids` (if it is there as itself). */
	const unlist = (job: Job | undefined) => {
		if (ids !== undefined && job !== undefined && ids.get(job.jobId) === job) {
			ids.delete(job.jobId);
			idsDeleted++;
		}
	};

	const read = (bytes: Uint8Array): Result<Job[]> | undefined => {
		const body = asBuffer(bytes);
		if (body[0] === 0xEF && body[1] === 0xBB && body[2] === 0xBF) {
			return undefined; // A byte-order mark: TextDecoder drops it, the plain way handles it.
		}

		const located = locateRecords(body, elements);
		if (located === undefined) {
			return undefined;
		}

		// The envelope with `records: []`: what JSON.parse of the whole would give, records aside.
		const envelope = readJson(decoder.decode(body.subarray(0, located.open + 1)) + decoder.decode(body.subarray(located.close)));
		if (!envelope.ok) {
			return undefined;
		}

		const data = parseEnvelope(envelope.value);
		if (!data.ok || !isObject(data.value)) {
			return undefined;
		}

		const empty = field(data.value, 'records');
		if (!Array.isArray(empty) || empty.length > 0) {
			return undefined;
		}

		const jobs: Job[] = [];
		/** Jobs parsed in this answer (not the last one's); and whether no id text so far came twice. */
		const fresh: Job[] = [];
		let distinct = ids !== undefined;
		poll++;
		/** Entries stamped with this poll: when all of `known` is, nothing is left to delete. */
		let stamped = 0;
		/** Where the next `"jobId":` is in the body (-1: none further), searched once past each. */
		let idAt = -2;
		for (let index = 0; index < elements.length; index += 2) {
			const start = elements[index]!;
			const end = elements[index + 1]!;
			if (idAt !== -1 && idAt < start) {
				idAt = body.indexOf(idNeedle, start);
			}

			// Looked up by the id's text (short: cheap to hash), used only when the record's fingerprint is the same.
			const key = idAt >= start && idAt < end ? body.toString('latin1', idAt + idNeedle.length, idValueEnd(body, idAt + idNeedle.length, end)) : '';
			let entry = known.get(key);
			fingerprint(body, start, end);
			if (entry === undefined) {
				const job = parseRecord(body, start, end);
				if (job === false) {
					return undefined;
				}

				entry = {...latest, job, seen: poll};
				known.set(key, entry);
				stamped++;
				if (job !== undefined) {
					fresh.push(job);
				}
			} else {
				/** Listed already in this answer: its fingerprint is of this body's record. */
				const again = entry.seen === poll;
				if (again) {
					distinct = false;
				}

				if (!sameFingerprint(entry)) { // The same bytes (the same fingerprint) are the same Job
					const job = parseRecord(body, start, end, entry.job);
					if (job === false) {
						return undefined;
					}

					if (!again) {
						unlist(entry.job); // Changed: the last answer's job for this id is not listed as such
					}

					entry.job = job;
					entry.hashA = latest.hashA;
					entry.hashB = latest.hashB;
					entry.length = latest.length;
					if (job !== undefined) {
						fresh.push(job);
					}
				}

				if (!again) {
					entry.seen = poll;
					stamped++;
				}
			}

			if (entry.job !== undefined) {
				jobs.push(entry.job);
			}
		}

		if (stamped < known.size) {
			// Records of the last answer not listed again: forgotten (and their jobs dropped from `ids`).
			for (const [key, entry] of known) {
				if (entry.seen !== poll) {
					unlist(entry.job);
					known.delete(key);
					knownDeleted++;
				}
			}

			if (rebuildIfChurned(known, knownDeleted)) {
				knownDeleted = 0;
			}
		}

		if (ids !== undefined && distinct) {
			// The last answer's ids were distinct, and so are the ones reused: add the new ones.
			for (const job of fresh) {
				if (ids.has(job.jobId)) {
					distinct = false;
					break;
				}

				ids.set(job.jobId, job);
			}
		}

		if (ids !== undefined && rebuildIfChurned(ids, idsDeleted)) {
			idsDeleted = 0;
		}

		if (distinct) {
			return {ok: true, value: jobs};
		}

		const merged = mergeDuplicatesById(jobs);
		ids = merged.jobs.length === jobs.length ? merged.byId : undefined;
		idsDeleted = 0;
		return {ok: true, value: merged.jobs};
	};

	/** Collection names and states seen, each held once (10,000 jobs share a few of each). Bounded: cleared when full. */
	const texts = new Map<string, string>();
	const once = (text: string): string => {
		const held = texts.get(text);
		if (held !== undefined) {
			return held;
		}

		if (texts.size >= 1024) {
			texts.clear();
		}

		texts.set(text, text);
		return text;
	};

	/**
	The Job of the record at [start, end) (undefined: one parseJobs skips), or false when it does not parse.
	Its strings are those of `before` (the job this record replaces) where equal, else held once: the model
	keeps the strings it tracks where they are equal (model/jobs/history.ts), so a changed record's fresh
	reason would otherwise be a second copy of the same text for as long as the job is listed.
	*/
	const parseRecord = (body: Uint8Array, start: number, end: number, before?: Job): Job | undefined | false => {
		const record = readJson(decoder.decode(body.subarray(start, end)));
		if (!record.ok) {
			return false;
		}

		const job = parseJobs([record.value])[0];
		if (job === undefined) {
			return undefined;
		}

		return {
			jobId: before?.jobId === job.jobId ? before.jobId : job.jobId,
			collectionName: once(job.collectionName),
			state: once(job.state),
			progress: job.progress,
			reason: before?.reason === job.reason ? before.reason : job.reason,
		};
	};

	return bytes => {
		let answer: Result<Job[]> | undefined;
		try {
			answer = read(bytes);
			return answer;
		} finally {
			if (answer === undefined) {
				forget(); // Nothing half updated survives a fallback (or a throw): the next answer is read in full.
			}
		}
	};
};
