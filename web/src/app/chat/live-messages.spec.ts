import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Connection } from '../graphql/connection';
import { MessagesQuery, liveMessages } from './live-messages';
import { ConversationEvent, Message } from './messages';
import { GetConversationMessagesQuery } from './messages.generated';
import { FIRST_WAIT_MS } from './resubscribing';
import { storedMessage, timelineEvent } from './stored-message.testing';

/** What the page's query is asked to follow each time. */
interface Following {
  variables: { conversationId: string; after?: string };
  updateQuery: (
    previous: GetConversationMessagesQuery,
    options: {
      subscriptionData: { data: { subscribeToConversationEvents: ConversationEvent | null } };
    },
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
  resumePoint: string | null = '2';
  membersAdded = 0;
  readonly created: string[] = [];
  readonly live = liveMessages(
    () => this.query as unknown as MessagesQuery,
    () => 'c1',
    () => this.resumePoint,
    {
      memberAdded: () => this.membersAdded++,
      messageCreated: (message) => this.created.push(message.id),
    },
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

function received(following: Following) {
  return (event: ConversationEvent | null, previous: GetConversationMessagesQuery) =>
    following.updateQuery(previous, {
      subscriptionData: { data: { subscribeToConversationEvents: event } },
    });
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
      { conversationId: 'c1', after: '2' },
    ]);
  });

  it('follows from now when no page is known', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.resumePoint = null;

    conversation.live.start();

    expect(conversation.query.followed[0].variables).toEqual({ conversationId: 'c1' });
  });

  it('puts each new message at the new end of the page, once', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();
    const arrived = received(conversation.query.followed[0]);

    expect(
      arrived(timelineEvent('3', 'MESSAGE_CREATED', message('m3')), page(message('m2'))),
    ).toEqual(page(message('m3'), message('m2')));
    expect(
      arrived(timelineEvent('2', 'MESSAGE_CREATED', message('m2')), page(message('m2'))),
    ).toEqual(page(message('m2')));
    expect(arrived(null, page(message('m2')))).toEqual(page(message('m2')));
  });

  it('tells the screen of a message written, not of one edited', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();
    const arrived = received(conversation.query.followed[0]);

    arrived(timelineEvent('3', 'MESSAGE_CREATED', message('m3')), page(message('m2')));
    arrived(timelineEvent('4', 'MESSAGE_EDITED', message('m3')), page(message('m3')));

    expect(conversation.created).toEqual(['m3']);
  });

  it('shows an edited message as it is now, where it was', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();
    const edited = { ...message('m1'), content: 'fixed', editedAt: '2026-11-25T10:05:00.000Z' };

    const after = received(conversation.query.followed[0])(
      timelineEvent('4', 'MESSAGE_EDITED', edited),
      page(message('m2'), message('m1')),
    );

    expect(after).toEqual(page(message('m2'), edited));
  });

  it('tells the screen of a member added, and changes no message for it', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();

    const after = received(conversation.query.followed[0])(
      timelineEvent('5', 'MEMBER_ADDED', null),
      page(message('m2')),
    );

    expect(after).toEqual(page(message('m2')));
    expect(conversation.membersAdded).toBe(1);
  });

  it('follows again after the last event received when it is later than the page', () => {
    const connection = TestBed.inject(Connection);
    connection.socketOpened();
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();
    received(conversation.query.followed[0])(
      timelineEvent('9', 'REACTIONS_CHANGED', message('m2')),
      page(message('m2')),
    );

    connection.socketClosed(1006);
    connection.socketOpened();

    expect(conversation.query.followed.map((following) => following.variables.after)).toEqual([
      '2',
      '9',
    ]);
  });

  it('follows again from where the page got to once the server ended the feed with an error', () => {
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();

    conversation.query.followed[0].onError(new Error('fell too far behind'));
    conversation.resumePoint = '5';
    vi.advanceTimersByTime(FIRST_WAIT_MS);

    expect(conversation.query.stopped).toBe(1);
    expect(conversation.query.followed.map((following) => following.variables.after)).toEqual([
      '2',
      '5',
    ]);
  });

  it('follows again from where the page got to after each reconnect', () => {
    const connection = TestBed.inject(Connection);
    connection.socketOpened();
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.live.start();

    connection.socketClosed(1006);
    conversation.resumePoint = '4';
    connection.socketOpened();

    expect(conversation.query.stopped).toBe(1);
    expect(conversation.query.followed.map((following) => following.variables.after)).toEqual([
      '2',
      '4',
    ]);
  });

  it('waits for the first page to follow from it, though the connection opened again meanwhile', () => {
    const connection = TestBed.inject(Connection);
    connection.socketOpened();
    const conversation = TestBed.createComponent(Conversation).componentInstance;
    conversation.resumePoint = null;

    connection.socketClosed(1006);
    connection.socketOpened();
    conversation.resumePoint = '';
    conversation.live.start();

    expect(conversation.query.followed.map((following) => following.variables)).toEqual([
      { conversationId: 'c1', after: '' },
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
