import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Message } from './messages';
import { MessageAction, MessageView } from './message-view';
import { storedMessage } from './stored-message.testing';

@Component({
  imports: [MessageView],
  template: `<ol>
    <li
      appMessage
      [message]="message()"
      [me]="me()"
      [admin]="admin()"
      [now]="now"
      (action)="actions.push($event)"
    ></li>
  </ol>`,
})
class Screen {
  readonly message = signal<Message>(storedMessage('m1'));
  readonly me = signal('u2');
  readonly admin = signal(false);
  readonly now = new Date('2026-11-25T10:01:00.000Z');
  readonly actions: MessageAction[] = [];
}

describe('MessageView', () => {
  let fixture: ComponentFixture<Screen>;
  let page: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(Screen);
    page = fixture.nativeElement;
    document.body.appendChild(page);
    await fixture.whenStable();
  });

  afterEach(() => page.remove());

  const show = async (message: Partial<Message>, me = 'u2') => {
    fixture.componentInstance.message.set({ ...storedMessage('m1'), ...message });
    fixture.componentInstance.me.set(me);
    await fixture.whenStable();
  };
  const text = (selector: string) => page.querySelector(selector)?.textContent?.trim();
  const actionsOffered = async () => {
    const button = page.querySelector<HTMLButtonElement>('[aria-label="More actions"]')!;
    button.click();
    await fixture.whenStable();
    const offered = Array.from(page.querySelectorAll('[role="menu"] [role="menuitem"]')).map(
      (item) => item.textContent?.trim(),
    );
    button.click();
    await fixture.whenStable();
    return offered;
  };

  it('writes the content as it was written, with mentions of me standing out', async () => {
    await show({
      content: 'hi @bob,\n  see @alice',
      mentions: [
        { __typename: 'User', id: 'u2', username: 'bob' },
        { __typename: 'User', id: 'u1', username: 'alice' },
      ],
    });

    expect(page.querySelector('p.content')!.textContent).toBe('hi @bob,\n  see @alice');
    expect(text('.mention.me')).toBe('@bob');
    expect(page.querySelectorAll('.mention')).toHaveLength(2);
  });

  it('makes links of web addresses, opening apart, and never reads the content as markup', async () => {
    await show({ content: '<b>look</b> https://example.com/a, javascript:alert(1)' });

    const link = page.querySelector<HTMLAnchorElement>('p.content a')!;
    expect(link.href).toBe('https://example.com/a');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(page.querySelectorAll('p.content a')).toHaveLength(1);
    expect(page.querySelector('p.content b')).toBeNull();
    expect(page.querySelector('p.content')!.textContent).toContain('<b>look</b>');
  });

  it("shows the author's name and avatar on another's message, never on mine", async () => {
    expect(text('.author')).toBe('alice');
    expect(text('.avatar')).toBe('A');

    await show({}, 'u1');
    expect(page.querySelector('.author')).toBeNull();
    expect(page.querySelector('.avatar')).toBeNull();
  });

  it('tells in words how far my message got', async () => {
    await show({ isSent: false }, 'u1');
    expect(page.querySelector('.check')!.getAttribute('aria-label')).toBe('Sending');

    await show({ isSent: true }, 'u1');
    expect(page.querySelector('.check')!.getAttribute('aria-label')).toBe('Sent');
  });

  it('says an edited message was edited, and a deleted one that it was deleted, with no actions', async () => {
    await show({ editedAt: '2026-11-25T10:00:30.000Z' });
    expect(text('.edited')).toBe('edited');

    await show({ deleted: true, content: '', editedAt: '2026-11-25T10:00:30.000Z' });
    expect(text('p.content')).toBe('This message was deleted');
    expect(page.querySelector('.edited')).toBeNull();
    expect(page.querySelector('[aria-label="More actions"]')).toBeNull();
  });

  it("offers to reply to and report another's message, and to edit and delete my own", async () => {
    expect(await actionsOffered()).toEqual(['Reply', 'Report']);

    await show({}, 'u1');
    expect(await actionsOffered()).toEqual(['Reply', 'Edit', 'Delete']);
  });

  it("offers an administrator to delete another's message", async () => {
    fixture.componentInstance.admin.set(true);
    await fixture.whenStable();

    expect(await actionsOffered()).toEqual(['Reply', 'Delete', 'Report']);
  });

  it('toggles my reaction from its chip, which says who reacted', async () => {
    await show({
      reactions: [
        {
          __typename: 'Reaction',
          emoji: '👍',
          count: 2,
          reactedByMe: true,
          names: ['bob', 'carol'],
        },
        { __typename: 'Reaction', emoji: '🎉', count: 1, reactedByMe: false, names: ['carol'] },
      ],
    });
    const chips = page.querySelectorAll<HTMLButtonElement>('.reaction');

    expect(chips[0].getAttribute('aria-pressed')).toBe('true');
    expect(chips[0].title).toBe('bob, carol');
    chips[0].click();
    chips[1].click();

    expect(fixture.componentInstance.actions).toMatchObject([
      { kind: 'unreact', emoji: '👍' },
      { kind: 'react', emoji: '🎉' },
    ]);
  });

  it('quotes the message it replies to, and leads to it', async () => {
    await show({
      replyTo: {
        __typename: 'Message',
        id: 'm0',
        sender: 'u2',
        content: 'the question',
        deleted: false,
        author: { __typename: 'User', id: 'u2', username: 'bob' },
      },
    });

    expect(text('.quote-content')).toBe('the question');
    page.querySelector<HTMLButtonElement>('.quote')!.click();

    expect(fixture.componentInstance.actions).toMatchObject([
      { kind: 'open-quoted', quotedId: 'm0' },
    ]);
  });

  it("folds a blocked author's message until asked to show it", async () => {
    await show({ authorBlocked: true });
    expect(page.querySelector('p.content')).toBeNull();
    expect(text('.blocked')).toContain('Message from a blocked user');

    page.querySelector<HTMLButtonElement>('.blocked button')!.click();
    await fixture.whenStable();

    expect(text('p.content')).toBe('content of m1');
  });
});
