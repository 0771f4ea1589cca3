/** The frame's fixed parts, in lines: the header's three, the footer's one. */
export const headerHeight = 3;
export const footerHeight = 1;

/** Below this the screen shows only "terminal too small". */
export const minColumns = 64;
export const minRows = 10;

/**
Table lines (title included) for a terminal of `rows` lines: the frame stays at rows − 1 so Ink never
clears the screen. A long notice takes a few more footer lines while it is shown (notice-lines.ts).
*/
export const tableHeight = (rows: number, footerLines: number = footerHeight): number => rows - 1 - headerHeight - footerLines;
