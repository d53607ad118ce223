import { Series } from './csv';
import { LONE_POINT_REACH_S, chartData, chartOptions } from './time-chart-options';

const INK = { text: '#e6edf3', lines: '#3d444d' };

function connections(...starts: string[]): Series {
  return {
    label: 'Connections',
    color: 'blue',
    points: starts.map((start, i) => ({ start, value: i + 1 })),
  };
}

describe('chartOptions', () => {
  it('draws both axes, their ticks and grid in the colours of the page', () => {
    const options = chartOptions([connections('2026-12-07T19:00:00Z')], 600, 220, INK);

    for (const axis of options.axes ?? []) {
      expect(axis.stroke).toBe('#e6edf3');
      expect(axis.grid?.stroke).toBe('#3d444d');
      expect(axis.ticks?.stroke).toBe('#3d444d');
    }
    expect(options.axes?.length).toBe(2);
  });

  it('gives a lone point an hour of time on each side, not years', () => {
    const at = Date.parse('2026-12-07T19:00:00Z') / 1000;

    const options = chartOptions([connections('2026-12-07T19:00:00Z')], 600, 220, INK);

    expect(options.scales?.['x']?.range).toEqual([
      at - LONE_POINT_REACH_S,
      at + LONE_POINT_REACH_S,
    ]);
  });

  it('lets the time axis span the points when there are several', () => {
    const options = chartOptions(
      [connections('2026-12-07T19:00:00Z', '2026-12-07T19:00:10Z')],
      600,
      220,
      INK,
    );

    expect(options.scales?.['x']?.range).toBeUndefined();
  });

  it('names each series in a legend that shows neither a time nor empty values', () => {
    const options = chartOptions([connections('2026-12-07T19:00:00Z')], 600, 220, INK);

    expect(options.legend?.live).toBe(false);
    expect(options.series.map((one) => one.label)).toEqual([undefined, 'Connections']);
  });
});

describe('chartData', () => {
  it('holds the starts in seconds, then the values of each series', () => {
    expect(chartData([connections('2026-12-07T19:00:00Z', '2026-12-07T19:00:10Z')])).toEqual([
      [1796670000, 1796670010],
      [1, 2],
    ]);
  });
});
