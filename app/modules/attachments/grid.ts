/**
 * The grid of cells the cover page lays over an image (pure, browser-safe): 24 columns, and rows in proportion to the
 * image's height so cells stay roughly square (60 rows at most: a five-page PDF gets taller cells). A ticked cell is
 * a rectangle to cover; a row's neighbouring ticked cells make one rectangle.
 */
export type CoverArea = { x: number; y: number; width: number; height: number };
export type CoverGrid = { columns: number; rows: number };

const COLUMNS = 24;
const MAX_ROWS = 60;

export function coverGrid(width: number, height: number): CoverGrid {
  const rows = Math.min(MAX_ROWS, Math.max(1, Math.round((COLUMNS * height) / Math.max(1, width))));
  return { columns: COLUMNS, rows };
}

/** Ticked cells (1-based row and column) as rectangles in fractions of the image; null when a cell is off the grid. */
export function cellsToAreas(cells: readonly { row: number; column: number }[], grid: CoverGrid): CoverArea[] | null {
  if (cells.some((c) => c.row < 1 || c.row > grid.rows || c.column < 1 || c.column > grid.columns)) return null;
  const byRow = new Map<number, Set<number>>();
  for (const c of cells) byRow.set(c.row, (byRow.get(c.row) ?? new Set()).add(c.column));
  const areas: CoverArea[] = [];
  for (const [row, columns] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const sorted = [...columns].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const end = sorted[i - 1];
      areas.push({ x: (start - 1) / grid.columns, y: (row - 1) / grid.rows, width: (end - start + 1) / grid.columns, height: 1 / grid.rows });
      start = sorted[i];
    }
  }
  return areas;
}
