import type {Traits} from './flavor.js';
import type {SimJob, Snapshot} from './sim.js';

// A job's progress number as Milvus' GetJobProgress computes it (docs/milvus-rest.md#progress):
// the V2 weights of the flavour (rows 40–70 or 40–100, sorting 70–80, index 70–90 or 80–90), or Import V3's.

/** What list and describe show of a job at a moment: the public state and the progress formulas (docs/milvus-rest.md#states). */
export type TaskView = {
	readonly fileName: string;
	readonly fileSize: number;
	readonly progress: number;
	readonly state: 'Pending' | 'InProgress' | 'Retry' | 'Completed' | 'Failed';
	readonly importedRows: number;
	readonly totalRows: number;
	readonly completeTime: number | undefined;
	readonly reason: string;
};

const countUpTo = (values: readonly number[], fraction: number): number => values.filter(value => value <= fraction).length;

export const sum = (tasks: readonly TaskView[], pick: (task: TaskView) => number): number => tasks.reduce((total, task) => total + pick(task), 0);

const rowsShare = (tasks: readonly TaskView[]): number => {
	const total = sum(tasks, task => task.totalRows);
	return total === 0 ? 0 : sum(tasks, task => task.importedRows) / total;
};

/** Import V3's weights (flavor.ts `importV3`). */
const v3ProgressOf = (job: SimJob, snapshot: Snapshot, tasks: readonly TaskView[]): number => {
	const count = Math.max(1, job.files.length);
	switch (snapshot.phase) {
		case 'PreImporting': {
			return 10 + Math.floor((countUpTo(job.files.map(file => file.preImportAt), snapshot.fraction) / count) * 5);
		}

		case 'Resharding': {
			return 15 + Math.floor(rowsShare(tasks) * 30);
		}

		case 'Planning': {
			return 45;
		}

		case 'Importing': {
			return 50 + Math.floor(snapshot.fraction * 10);
		}

		case 'IndexBuilding': {
			return 60 + Math.floor(snapshot.fraction * 30);
		}

		case 'Pending':
		case 'Sorting':
		case 'Uncommitted':
		case 'Committing':
		case 'Completed':
		case 'Failed': {
			return v2ProgressOf(job, snapshot, undefined, tasks);
		}
	}
};

export const progressOf = (job: SimJob, snapshot: Snapshot, traits: Traits, tasks: readonly TaskView[]): number =>
	traits.importV3 ? v3ProgressOf(job, snapshot, tasks) : v2ProgressOf(job, snapshot, traits, tasks);

const v2ProgressOf = (job: SimJob, snapshot: Snapshot, traits: Traits | undefined, tasks: readonly TaskView[]): number => {
	const count = Math.max(1, job.files.length);
	switch (snapshot.phase) {
		case 'Pending': {
			return Math.floor((countUpTo(job.files.map(file => file.taskAt), snapshot.fraction) / count) * 10);
		}

		case 'PreImporting': {
			return 10 + Math.floor((countUpTo(job.files.map(file => file.preImportAt), snapshot.fraction) / count) * 30);
		}

		case 'Importing': {
			return 40 + Math.floor(rowsShare(tasks) * (traits?.rowsWeight ?? 30));
		}

		case 'Sorting': {
			return 70 + Math.floor(snapshot.fraction * 10);
		}

		case 'IndexBuilding': {
			return (traits?.indexFrom ?? 80) + Math.floor(snapshot.fraction * (traits?.indexWeight ?? 10));
		}

		case 'Resharding':
		case 'Planning': {
			return 40; // Only V3 has these phases (v3ProgressOf).
		}

		case 'Uncommitted':
		case 'Committing': {
			return 99;
		}

		case 'Completed': {
			return 100;
		}

		case 'Failed': {
			return 0; // Progress and rows drop to 0 on failure (docs/milvus-rest.md#progress).
		}
	}
};

