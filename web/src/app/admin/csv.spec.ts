import { toCsv } from './csv';

describe('toCsv', () => {
  it('has a row per interval and a column per series', () => {
    const csv = toCsv([
      {
        label: 'Daily',
        color: 'blue',
        points: [
          { start: '2026-11-01T00:00:00Z', value: 3 },
          { start: '2026-11-02T00:00:00Z', value: 4 },
        ],
      },
      {
        label: 'Weekly',
        color: 'green',
        points: [
          { start: '2026-11-01T00:00:00Z', value: 5 },
          { start: '2026-11-02T00:00:00Z', value: 6.5 },
        ],
      },
    ]);

    expect(csv).toBe(
      'start,Daily,Weekly\r\n2026-11-01T00:00:00Z,3,5\r\n2026-11-02T00:00:00Z,4,6.5\r\n',
    );
  });

  it('quotes labels that hold commas or quotes', () => {
    expect(toCsv([{ label: 'Sessions, "all"', color: 'red', points: [] }])).toBe(
      'start,"Sessions, ""all"""\r\n',
    );
  });
});
