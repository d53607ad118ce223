import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Connection } from '../graphql/connection';
import { MessagesQuery, liveMessages } from './live-messages';
import { Message } from './messages';
import { GetConversationMessagesQuery } from './messages.generated';
import { FIRST_WAIT_MS } from './resubscribing';
import { storedMessage } from './stored-message.testing';

/** What the page's query is asked to follow each time. */
interface Following {
  variables: { conversationId: string; after?: string };
  updateQuery: (
    previous: GetConversationMessagesQuery,
    options: { subscriptionData: { data: { subscribeToNewMessage: Message | null } } },
  ) => GetConversationMessagesQuery;
  onError: (error: unknown) => void;
}

/** Notes each subscription the page's query is asked for, and how many were stopped. */
class FakeQuery {
  readonly followed: Following[] = [];
  stopped = 0;

  subscribeToMore(options: Following): () => void {
    this.followed.push(options);
    return () => this.stopped++;
  }
}

@Component({ template: '' })
class Conversation {
  readonly query = new FakeQuery();
  resumePoint: string | null = 'm2';
  readonly live = liveMessages(
    () => this.query as unknown as MessagesQuery,
    () => 'c1',
    () => this.resumePoint,
  );
}

function message(id: string): Message {
  return storedMessage(id, { id: 'u2', username: 'bob' });
}

function page(...messages: Message[]): GetConversationMessagesQuery {
  return {
    allMessageConnection: { __typename: 'MessageConnection', nextToken: null, messages },
  };
}

describe('liveMessages', () => {
  beforeEach(() => {
    TestBed.resetTestingModule();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('follows once from the resume point, however often the screen starts it', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;

    conversation.live.start();
    conversation.live.start();

    expect(conversation.query.followed.map((following) => following.variables)).toEqual([
      { conversationId: 'c1', after: 'm2' },
    ]);
  });

  it('follows from now when no page is known', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.resumePoint = null;

    conversation.live.start();

    expect(conversation.query.followed[0].variables).toEqual({ conversationId: 'c1' });
  });

  it('puts each live message at the new end of the page, once', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();
    const { updateQuery } = conversation.query.followed[0];
    const arrived = (newest: Message | null, previous: GetConversationMessagesQuery) =>
      updateQuery(previous, { subscriptionData: { data: { subscribeToNewMessage: newest } } });

    expect(arrived(message('m3'), page(message('m2')))).toEqual(page(message('m3'), message('m2')));
    expect(arrived(message('m2'), page(message('m2')))).toEqual(page(message('m2')));
    expect(arrived(null, page(message('m2')))).toEqual(page(message('m2')));
  });

  it('follows again from where the page got to once the server ended the feed with an error', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();

    conversation.query.followed[0].onError(new Error('fell too far behind'));
    conversation.resumePoint = 'm5';
    vi.advanceTimersByTime(FIRST_WAIT_MS);

    expect(conversation.query.stopped).toBe(1);
    expect(conversation.query.followed.map((following) => following.variables.after)).toEqual([
      'm2',
      'm5',
    ]);
  });

  it('follows again from where the page got to after each reconnect', () => {
    const connection = TestBed.inject(Connection);
    connection.socketOpened();
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();

    connection.socketClosed(1006);
    conversation.resumePoint = 'm4';
    connection.socketOpened();

    expect(conversation.query.stopped).toBe(1);
    expect(conversation.query.followed.map((following) => following.variables.after)).toEqual([
      'm2',
      'm4',
    ]);
  });

  it('follows no more after a reconnect once the screen is gone', () => {
    const connection = TestBed.inject(Connection);
    connection.socketOpened();
    const fixture = TestBed.createComponent(Conversation);
    fixture.componentInstance.live.start();

    fixture.destroy();
    connection.socketClosed(1006);
    connection.socketOpened();

    expect(fixture.componentInstance.query.followed).toHaveLength(1);
  });
});
