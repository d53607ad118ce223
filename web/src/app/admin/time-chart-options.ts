import uPlot from 'uplot';
import { Series } from './csv';

/** How far a lone point's time axis reaches on each side of it, in seconds. */
export const LONE_POINT_REACH_S = 60 * 60;

/** The series as uPlot draws them: the interval starts in seconds, then each series' values. */
export function chartData(series: Series[]): uPlot.AlignedData {
  const starts = (series[0]?.points ?? []).map((point) => Date.parse(point.start) / 1000);
  return [starts, ...series.map((one) => one.points.map((point) => point.value))];
}

/** The colours of a chart's axes: of their labels, and of their ticks and grid lines. */
export interface ChartInk {
  text: string;
  lines: string;
}

/**
 * How uPlot draws the series: a line each, named in a legend that holds no time and no values, as
 * nothing is pointed at until the cursor is; axes in {@code ink}, the page's colours, which uPlot's
 * own black would not be on a dark page. A lone point has an hour of time on each side: uPlot would
 * stretch its axis over years.
 */
export function chartOptions(
  series: Series[],
  width: number,
  height: number,
  ink: ChartInk,
): uPlot.Options {
  const starts = chartData(series)[0];
  const axis = { stroke: ink.text, grid: { stroke: ink.lines }, ticks: { stroke: ink.lines } };
  return {
    width,
    height,
    series: [{}, ...series.map((one) => ({ label: one.label, stroke: one.color, width: 2 }))],
    axes: [axis, { ...axis, size: 50 }],
    legend: { live: false },
    scales: {
      x: {
        time: true,
        ...(starts.length === 1
          ? { range: [starts[0] - LONE_POINT_REACH_S, starts[0] + LONE_POINT_REACH_S] }
          : {}),
      },
    },
  };
}
