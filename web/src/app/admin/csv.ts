/** One named series of a chart: a value per interval start. */
export interface Series {
  label: string;
  color: string;
  points: { start: string; value: number }[];
}

/**
 * The series as CSV: a row per interval start, a column per series, in the order given. All
 * series are expected to share their starts, as the server's series over one range do.
 */
export function toCsv(series: Series[]): string {
  const header = ['start', ...series.map((one) => one.label)].map(quoted).join(',');
  const starts = series[0]?.points.map((point) => point.start) ?? [];
  const rows = starts.map((start, i) =>
    [start, ...series.map((one) => String(one.points[i]?.value ?? ''))].map(quoted).join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
