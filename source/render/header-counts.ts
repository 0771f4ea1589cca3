import {width as cells} from './cells.js';

/** How the header's second line is laid out: the per-state counts first, then what room is left allows. */
export type CountsLayout = {
	/** The counts as shown: with labels (`✓ Completed 3`) or, when those do not fit, glyphs only (`✓ 3`). */
	readonly counts: string;
	/** Cells for the overall progress (bar and percent), 0 for the percent alone. */
	readonly barWidth: number;
	readonly showFailures: boolean;
};

/** `"  overall "`, and the two spaces before "failures seen". */
const overallLabel = 10;
const gap = 2;

/**
The per-state counts are what a person reads the header for, so they are never cut: the parts next to
them give way first, in this order: the overall bar (its percent stays), the "failures seen" count,
then the counts' labels (the glyphs stay, and each glyph names one state). Only when even that does not
fit is the line cut (at the terminal's right edge), which the 64-column minimum leaves room for.
*/
export const countsLayout = (labelled: string, glyphsOnly: string, failures: string, width: number, barWidth = 16): CountsLayout => {
	const percentOnly = 4;
	const fits = (counts: string, bar: number, showFailures: boolean): boolean =>
		cells(counts) + overallLabel + bar + (showFailures ? gap + cells(failures) : 0) <= width;
	for (const counts of [labelled, glyphsOnly]) {
		for (const [bar, showFailures] of [[barWidth, true], [percentOnly, true], [percentOnly, false]] as const) {
			if (fits(counts, bar, showFailures)) {
				return {counts, barWidth: bar, showFailures};
			}
		}
	}

	return {counts: glyphsOnly, barWidth: percentOnly, showFailures: false};
};
