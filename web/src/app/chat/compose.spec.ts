import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Compose } from './compose';

@Component({
  imports: [Compose],
  template: `<app-compose (sent)="sent.push($event)" (editLast)="editLast = editLast + 1" />`,
})
class Screen {
  readonly sent: string[] = [];
  editLast = 0;
}

describe('Compose', () => {
  let fixture: ComponentFixture<Screen>;
  let box: HTMLTextAreaElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(Screen);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    box = fixture.nativeElement.querySelector('textarea');
  });

  afterEach(() => fixture.nativeElement.remove());

  const type = async (text: string) => {
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const press = async (key: string, shiftKey = false) => {
    const event = new KeyboardEvent('keydown', { key, shiftKey, cancelable: true });
    box.dispatchEvent(event);
    await fixture.whenStable();
    return event.defaultPrevented;
  };

  it('sends the message, line breaks and all, on Enter', async () => {
    await type('first line\nsecond line');

    expect(await press('Enter')).toBe(true);

    expect(fixture.componentInstance.sent).toEqual(['first line\nsecond line']);
    expect(box.value).toBe('');
  });

  it('leaves Shift+Enter to start a new line', async () => {
    await type('first line');

    expect(await press('Enter', true)).toBe(false);

    expect(fixture.componentInstance.sent).toEqual([]);
  });

  it('sends nothing for an empty box, where ArrowUp edits my last message', async () => {
    await press('Enter');
    await press('ArrowUp');

    expect(fixture.componentInstance.sent).toEqual([]);
    expect(fixture.componentInstance.editLast).toBe(1);
  });
});
