import { Series } from './csv';
import { LONE_POINT_REACH_S, chartData, chartOptions } from './time-chart-options';

function connections(...starts: string[]): Series {
  return {
    label: 'Connections',
    color: 'blue',
    points: starts.map((start, i) => ({ start, value: i + 1 })),
  };
}

describe('chartOptions', () => {
  it('gives a lone point an hour of time on each side, not years', () => {
    const at = Date.parse('2026-12-07T19:00:00Z') / 1000;

    const options = chartOptions([connections('2026-12-07T19:00:00Z')], 600, 220);

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
    );

    expect(options.scales?.['x']?.range).toBeUndefined();
  });

  it('names each series in a legend that shows neither a time nor empty values', () => {
    const options = chartOptions([connections('2026-12-07T19:00:00Z')], 600, 220);

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
