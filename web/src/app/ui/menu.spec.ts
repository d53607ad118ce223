import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Menu, MenuItem } from './menu';

@Component({
  imports: [Menu, MenuItem],
  template: `
    <app-menu label="Message actions">
      <button appMenuItem (click)="chosen = 'reply'">Reply</button>
      <button appMenuItem (click)="chosen = 'edit'">Edit</button>
      <button appMenuItem (click)="chosen = 'delete'">Delete</button>
    </app-menu>
    <p tabindex="0">elsewhere</p>
  `,
})
class Screen {
  chosen = '';
}

describe('Menu', () => {
  let fixture: ComponentFixture<Screen>;
  let page: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Screen);
    page = fixture.nativeElement;
    document.body.appendChild(page);
    await fixture.whenStable();
  });

  afterEach(() => page.remove());

  const button = () => page.querySelector<HTMLButtonElement>('.menu-button')!;
  const menu = () => page.querySelector<HTMLElement>('[role="menu"]');
  const focused = () => document.activeElement?.textContent?.trim();
  const press = async (key: string, target: Element = document.activeElement!) => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await fixture.whenStable();
  };

  it('is a button that says what it opens, and is closed at first', () => {
    expect(button().getAttribute('aria-haspopup')).toBe('menu');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(button().getAttribute('aria-label')).toBe('Message actions');
    expect(menu()).toBeNull();
  });

  it('opens on its first item, and moves between items with the arrows, Home and End', async () => {
    button().click();
    await fixture.whenStable();

    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(menu()!.getAttribute('aria-label')).toBe('Message actions');
    expect(Array.from(menu()!.children).map((item) => item.getAttribute('role'))).toEqual([
      'menuitem',
      'menuitem',
      'menuitem',
    ]);
    expect(focused()).toBe('Reply');
    await press('ArrowDown');
    expect(focused()).toBe('Edit');
    await press('End');
    expect(focused()).toBe('Delete');
    await press('ArrowDown');
    expect(focused()).toBe('Reply');
    await press('ArrowUp');
    expect(focused()).toBe('Delete');
    await press('Home');
    expect(focused()).toBe('Reply');
  });

  it('opens on its last item with ArrowUp on the button', async () => {
    button().focus();
    await press('ArrowUp');

    expect(focused()).toBe('Delete');
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    button().click();
    await fixture.whenStable();

    await press('Escape');

    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('closes once an item is chosen, which does what it says', async () => {
    button().click();
    await fixture.whenStable();

    page.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[1].click();
    await fixture.whenStable();

    expect(fixture.componentInstance.chosen).toBe('edit');
    expect(menu()).toBeNull();
  });

  it('closes on a click elsewhere', async () => {
    button().click();
    await fixture.whenStable();

    page.querySelector('p')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await fixture.whenStable();

    expect(menu()).toBeNull();
  });

  it('opens upwards from the lower half of the screen, downwards from the upper half', async () => {
    const openedAt = async (top: number) => {
      vi.spyOn(button(), 'getBoundingClientRect').mockReturnValue(new DOMRect(0, top, 30, 30));
      button().click();
      await fixture.whenStable();
      const upward = menu()!.classList.contains('upward');
      await press('Escape');
      return upward;
    };

    expect(await openedAt(innerHeight - 40)).toBe(true);
    expect(await openedAt(10)).toBe(false);
  });
});
