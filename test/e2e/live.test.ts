import {describe, expect, test} from 'vitest';
import {keys, type Term} from '../helpers/term.js';
import {count, jobRows, seededDemoPerFile} from './cli.js';

const demo = seededDemoPerFile();

const open = async (): Promise<Term> => {
	const term = demo.start();
	await term.waitFor(screen => jobRows(screen).length >= 10, 'the job rows', 15_000);
	return term;
};

const quit = async (term: Term): Promise<void> => {
	term.write('q');
	expect(await term.waitForExit()).toBe(0);
};

describe('the live screen against the demo server', () => {
	test('rows appear and progress moves without a key press', async () => {
		const term = await open();
		const first = new Map(jobRows(term.text()).map(row => [row.jobId, row.percent]));
		expect(term.text()).toMatch(/Importing/v);
		await term.waitFor(
			screen => jobRows(screen).some(row => row.percent > (first.get(row.jobId) ?? 100)),
			'an importing job to advance',
			15_000,
		);
		await quit(term);
	});

	test('/ filters as you type, Esc clears', async () => {
		const term = await open();
		const all = jobRows(term.text());
		expect(new Set(all.map(row => row.collection)).size).toBeGreaterThan(2);
		term.write('/');
		// One key per read: Ink hands a burst like `/movies` to the app as one input (see the report).
		await term.waitForText('Esc clear');
		term.write('movies');
		await term.waitFor(screen => {
			const rows = jobRows(screen);
			return rows.length > 0 && rows.length < all.length && rows.every(row => row.collection === 'movies');
		}, 'only movies rows', 10_000);
		expect(term.text()).toContain('filter "movies"');
		term.write(keys.escape);
		await term.waitFor(screen => new Set(jobRows(screen).map(row => row.collection)).size > 2, 'every collection again', 10_000);
		expect(term.text()).not.toContain('filter "movies"');
		await quit(term);
	});

	test('the collection picker (c) switches the scope', async () => {
		const term = await open();
		term.write('c');
		await term.waitForText(/► all collections/v);
		await term.waitForText(/^ {2}movies$/mv);
		// The picker lists the default database's collections in order: books, movies, quick_setup.
		term.write(keys.down);
		await term.waitForText('► books');
		term.write(keys.down);
		await term.waitForText('► movies');
		term.write(keys.enter);
		await term.waitFor(screen => {
			const rows = jobRows(screen);
			return /db default {2}movies {2}every/v.test(screen) && rows.length > 0 && rows.every(row => row.collection === 'movies');
		}, 'the header to show movies and only its rows', 10_000);
		// Each frame is drawn in place: no header or footer of an earlier frame is left behind.
		expect(count(term.text(), 'every 0.5s')).toBe(1);
		expect(count(term.text(), 'q/Ctrl-C quit')).toBe(1);
		await quit(term);
	});

	test('Enter shows the selected job with its files, Esc returns', async () => {
		const term = await open();
		const selected = /► \S+ \S+ +(?<id>\d{15,20})/v.exec(term.text())?.groups?.['id'];
		expect(selected).toBeDefined();
		term.write(keys.enter);
		await term.waitForText(`Job ${selected!}`);
		await term.waitForText(/Files \(\d+\)/v);
		await term.waitForText(/part-\d+\.\w+/v);
		expect(term.text()).toMatch(/Rows +[\d,]+ \/ [\d,]+/v);
		term.write(keys.escape);
		await term.waitFor(screen => !screen.includes(`Job ${selected!}`) && jobRows(screen).length >= 10, 'the job list again', 10_000);
		await quit(term);
	});
});
