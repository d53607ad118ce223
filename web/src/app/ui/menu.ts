import {
  Component,
  Directive,
  ElementRef,
  afterNextRender,
  inject,
  input,
  signal,
  Injector,
} from '@angular/core';

/**
 * A button that opens a menu of actions, as the WAI-ARIA menu button pattern has it: Enter, Space
 * or ArrowDown open it on its first item, ArrowUp on its last; inside, the arrows, Home and End move
 * between the items, Escape closes it and gives the focus back to the button, Tab closes it, and so
 * does a click elsewhere or on an item. Its items are the buttons marked {@link MenuItem} it is given.
 */
@Component({
  selector: 'app-menu',
  template: `
    <button
      type="button"
      class="menu-button"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="label()"
      [attr.title]="label()"
      (click)="toggle()"
      (keydown.arrowdown)="show(0, $event)"
      (keydown.arrowup)="show(-1, $event)"
    >
      {{ icon() }}
    </button>
    @if (open()) {
      <div
        class="menu"
        [class.upward]="upward()"
        role="menu"
        [attr.aria-label]="label()"
        (keydown)="navigate($event)"
      >
        <ng-content />
      </div>
    }
  `,
  host: {
    class: 'menu-host',
    '(document:pointerdown)': 'closeUnlessInside($event)',
    '(focusout)': 'closeWhenFocusLeaves($event)',
  },
})
export class Menu {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** What the menu is for, said by screen readers and shown as the button's tooltip. */
  readonly label = input.required<string>();
  /** What the button shows. */
  readonly icon = input('⋯');

  protected readonly open = signal(false);
  /** Opened in the lower half of the screen, the menu opens upwards, where there is more room. */
  protected readonly upward = signal(false);

  /** Opens the menu with the focus on its item at {@code index}; -1 is the last. */
  show(index = 0, event?: Event): void {
    event?.preventDefault();
    const button = this.button()?.getBoundingClientRect();
    this.upward.set(button !== undefined && button.top > innerHeight / 2);
    this.open.set(true);
    afterNextRender(() => this.focusItem(index), { injector: this.injector });
  }

  close(refocus = true): void {
    if (!this.open()) {
      return;
    }
    this.open.set(false);
    if (refocus) {
      this.button()?.focus();
    }
  }

  protected toggle(): void {
    if (this.open()) {
      this.close();
    } else {
      this.show(0);
    }
  }

  protected navigate(event: KeyboardEvent): void {
    const items = this.items();
    const current = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusItem(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close();
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  }

  protected closeUnlessInside(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) {
      this.close(false);
    }
  }

  protected closeWhenFocusLeaves(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.nativeElement.contains(next)) {
      this.close(false);
    }
  }

  private focusItem(index: number): void {
    const items = this.items();
    if (items.length > 0) {
      items[(index + items.length) % items.length].focus();
    }
  }

  private items(): HTMLElement[] {
    return Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])'),
    );
  }

  private button(): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>('.menu-button');
  }
}

/** An item of a {@link Menu}: choosing it closes the menu. */
@Directive({
  selector: 'button[appMenuItem]',
  host: { role: 'menuitem', tabindex: '-1', type: 'button', '(click)': 'chosen()' },
})
export class MenuItem {
  private readonly menu = inject(Menu);

  protected chosen(): void {
    this.menu.close();
  }
}
