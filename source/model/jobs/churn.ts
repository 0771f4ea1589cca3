/**
The long-lived maps of jobs by id (the list reader's, the journal's) lose and gain entries every poll on
a busy cluster: ~50 of 10,000 jobs leave the list and ~50 new ones come. V8 keeps a deleted entry's
slot until the map's table is rebuilt, and when the table fills up it rebuilds it at twice the size
unless half of its slots are deleted ones: such a map went from a 16k-entry table (0.46 MB) to a 32k
one (0.92 MB) within minutes and never back (heap snapshots of the CLI at 90 s and 7 min, 10k jobs).
Rebuilt in place (cleared and refilled: the same map, the same order) once a quarter of its entries
have been deleted since the last time, its table stays near the size its entries need (a snapshot at
5 min with it: the four maps' tables 0.46 MB each). Call it
between passes over the map, never while one iterates it. A rebuild costs one pass over the map, after
at least a quarter as many deletions: a constant per deletion, whatever the size.

Returns whether it rebuilt the map: the caller then counts deletions from 0 again.
*/
export const rebuildIfChurned = <K, V>(map: Map<K, V>, deletedSince: number): boolean => {
	if (deletedSince === 0 || deletedSince * 4 < map.size) {
		return false;
	}

	const entries = [...map];
	map.clear();
	for (const [key, value] of entries) {
		map.set(key, value);
	}

	return true;
};
