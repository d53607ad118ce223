import {
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  afterRenderEffect,
  inject,
  input,
  ViewEncapsulation,
  viewChild,
} from '@angular/core';
import uPlot from 'uplot';
import { Series, toCsv } from './csv';
import { ChartInk, chartData, chartOptions } from './time-chart-options';

const HEIGHT = 220;

/**
 * A chart of time series, with a button that downloads them as CSV; drawn again in the page's
 * colours when the system switches between light and dark.
 */
@Component({
  selector: 'app-time-chart',
  // uPlot's own styles, for the elements it makes.
  styleUrl: '../../../node_modules/uplot/dist/uPlot.min.css',
  encapsulation: ViewEncapsulation.None,
  template: `
    <section class="chart-card" [attr.aria-label]="title()">
      <header>
        <h2>{{ title() }}</h2>
        <button type="button" class="link" (click)="download()">Download CSV</button>
      </header>
      <div #plot class="plot"></div>
    </section>
  `,
})
export class TimeChart {
  readonly title = input.required<string>();
  readonly file = input.required<string>();
  readonly series = input.required<Series[]>();

  private readonly plot = viewChild.required<ElementRef<HTMLElement>>('plot');
  private chart?: uPlot;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const resizing = new ResizeObserver(() =>
        this.chart?.setSize({ width: this.width(), height: HEIGHT }),
      );
      resizing.observe(this.plot().nativeElement);
      const scheme = matchMedia('(prefers-color-scheme: dark)');
      const redraw = () => this.draw(this.series());
      scheme.addEventListener('change', redraw);
      destroyRef.onDestroy(() => {
        resizing.disconnect();
        scheme.removeEventListener('change', redraw);
      });
    });
    afterRenderEffect({ write: () => this.draw(this.series()) });
    destroyRef.onDestroy(() => this.chart?.destroy());
  }

  protected download(): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([toCsv(this.series())], { type: 'text/csv' }));
    link.download = `${this.file()}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  private draw(series: Series[]): void {
    this.chart?.destroy();
    this.chart = new uPlot(
      chartOptions(series, this.width(), HEIGHT, this.ink()),
      chartData(series),
      this.plot().nativeElement,
    );
  }

  private ink(): ChartInk {
    const style = getComputedStyle(this.plot().nativeElement);
    return {
      text: style.getPropertyValue('--text').trim(),
      lines: style.getPropertyValue('--border').trim(),
    };
  }

  private width(): number {
    return Math.max(this.plot().nativeElement.clientWidth, 240);
  }
}
