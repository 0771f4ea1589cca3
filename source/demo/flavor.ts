/**
What differs between the Milvus versions the demo server can imitate (docs/milvus-rest.md#versions-at-a-glance).
Everything version-dependent is read from here, so the handlers stay version-free.
*/

/** `cloud` is Zilliz Cloud's control plane (demo/cloud/): paginated, `job-…` ids, no progress in the list, getProgress. */
export const flavors = ['2.4.0', '2.4', '2.5', '2.6', '3.0', '3.0-v3', 'cloud'] as const;
export type Flavor = (typeof flavors)[number];
export const defaultFlavor: Flavor = '2.6';

/** Internal job phases (datacoord's ImportJobState); the REST API collapses most of them into `Importing`. */
export type RunPhase = 'Pending' | 'PreImporting' | 'Resharding' | 'Planning' | 'Importing' | 'Sorting' | 'IndexBuilding' | 'Uncommitted' | 'Committing';

export type Traits = {
	/** 200 on 2.4.0–2.4.2 (PR #33339 switched it to 0 in 2.4.3). */
	readonly successCode: number;
	/** `/jobs/import/describe` arrived in 2.4.13 (PR #36754); `get_progress` exists everywhere. */
	readonly hasDescribe: boolean;
	/** `/databases/list` arrived in 2.5.0 (PR #38140). */
	readonly hasDatabasesList: boolean;
	/** 2.4 checks the database before any handler (removed in 2.5 by PR #38078). */
	readonly dbPreCheck: boolean;
	/** Describe `createTime` since 2.6.5 (PR #45058). */
	readonly hasCreateTime: boolean;
	/** Percent points of the rows stage: 60 before 2.4.13 (index wait folded in), then 30. */
	readonly rowsWeight: number;
	/** Where index building starts and how wide it is: 70–90 on 2.4.13, 80–90 on 2.5+. */
	readonly indexFrom: number;
	readonly indexWeight: number;
	/** Import tasks can be in state `Retry` (2.5+, data_coord.proto), shown in describe's `details[]`. */
	readonly hasTaskRetry: boolean;
	/** 3.0-dev: `auto_commit=false` jobs stop at Uncommitted (PR #48524). */
	readonly hasCommit: boolean;
	/**
	Import V3 (`dataCoord.import.enableImportV3`, off by default on master): other progress weights (pre-import
	10–15, resharding 15–45, planning 45, importing 50–60, index 60–90), and describe's per-file entries are
	reshard tasks whose `completeTime` is always empty (Milvus master's getV3JobProgress / getV3TaskProgresses).
	*/
	readonly importV3: boolean;
	/** 2.4 answers an overrun with plain text `timeout`, 2.5+ with JSON code 10001. */
	readonly jsonTimeout: boolean;
	/** Unknown job: 2100 "importing data failed" until 2.6.18, then 2101 "… on server side" (39c9b039). */
	readonly notFoundCode: number;
	readonly notFoundSuffix: string;
	/** Text of a non-numeric job id error: literal `%w` on 2.4/2.5 (a Sprint bug), 1100 on 3.0. */
	readonly badIdCode: number;
	readonly badIdPrefix: string;
	readonly badIdSuffix: string;
};

const importFailed = 'importing data failed';

const base: Traits = {
	successCode: 0,
	hasDescribe: true,
	hasDatabasesList: true,
	dbPreCheck: false,
	hasCreateTime: false,
	rowsWeight: 30,
	indexFrom: 80,
	indexWeight: 10,
	hasTaskRetry: true,
	hasCommit: false,
	importV3: false,
	jsonTimeout: true,
	notFoundCode: 2100,
	notFoundSuffix: importFailed,
	badIdCode: 2100,
	badIdPrefix: 'parse job id failed, err=%w',
	badIdSuffix: importFailed,
};

const table: Readonly<Record<Flavor, Traits>> = {
	'2.4.0': {
		...base, successCode: 200, hasDescribe: false, hasDatabasesList: false, dbPreCheck: true, rowsWeight: 60, indexWeight: 0, hasTaskRetry: false, jsonTimeout: false,
	},
	2.4: {
		...base, hasDatabasesList: false, dbPreCheck: true, indexFrom: 70, indexWeight: 20, hasTaskRetry: false, jsonTimeout: false,
	},
	2.5: base,
	2.6: {...base, hasCreateTime: true, badIdPrefix: 'parse job id failed: '},
	// getProgress documents completeTime but no createTime.
	cloud: base,
	'3.0': {
		...base,
		hasCreateTime: true,
		hasCommit: true,
		notFoundCode: 2101,
		notFoundSuffix: `${importFailed} on server side`,
		badIdCode: 1100,
		badIdPrefix: 'parse job id failed: ',
		badIdSuffix: 'invalid parameter',
	},
	'3.0-v3': {
		...base,
		hasCreateTime: true,
		hasCommit: true,
		importV3: true,
		hasTaskRetry: false,
		notFoundCode: 2101,
		notFoundSuffix: `${importFailed} on server side`,
		badIdCode: 1100,
		badIdPrefix: 'parse job id failed: ',
		badIdSuffix: 'invalid parameter',
	},
};

export const traitsOf = (flavor: Flavor): Traits => table[flavor];

/** The internal phases a job walks through on this version, in order, before Completed. */
export const phasesOf = (flavor: Flavor, autoCommit: boolean): readonly RunPhase[] => {
	switch (flavor) {
		case '2.4.0': {
			return ['Pending', 'PreImporting', 'Importing'];
		}

		case '2.4': {
			return ['Pending', 'PreImporting', 'Importing', 'IndexBuilding'];
		}

		case '2.5':
		case '2.6':
		case 'cloud': {
			return ['Pending', 'PreImporting', 'Importing', 'Sorting', 'IndexBuilding'];
		}

		case '3.0': {
			const phases: RunPhase[] = ['Pending', 'PreImporting', 'Importing', 'Sorting', 'IndexBuilding'];
			return autoCommit ? phases : [...phases, 'Uncommitted', 'Committing'];
		}

		case '3.0-v3': {
			const phases: RunPhase[] = ['Pending', 'PreImporting', 'Resharding', 'Planning', 'Importing', 'IndexBuilding'];
			return autoCommit ? phases : [...phases, 'Uncommitted', 'Committing'];
		}
	}
};

/** `2.6`, `v2.6`, ` 3.0 ` → the flavour; anything else → undefined (the CLI prints the list). */
export const parseFlavor = (text: string): Flavor | undefined => {
	const cleaned = text.trim().replace(/^v/iv, '');
	return flavors.find(flavor => flavor === cleaned);
};
