import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Connection } from './connection';

describe('Connection', () => {
  let connection: Connection;

  beforeEach(() => {
    TestBed.resetTestingModule();
    connection = TestBed.inject(Connection);
    connection.socketOpened();
  });

  it('is online while the network is up and the real-time connection open', () => {
    expect(connection.online()).toBe(true);
  });

  it('stays online when the client closes an idle real-time connection', () => {
    connection.socketClosed(1000);

    expect(connection.online()).toBe(true);
  });

  it('is offline once the real-time connection is lost, until it opens again', () => {
    connection.socketClosed(1006);
    expect(connection.online()).toBe(false);

    connection.socketOpened();
    expect(connection.online()).toBe(true);
  });

  it('is offline when the browser loses the network', () => {
    dispatchEvent(new Event('offline'));

    expect(connection.online()).toBe(false);
    dispatchEvent(new Event('online'));
  });
});

describe('Connection catching up', () => {
  let connection: Connection;
  let catchUps: number;

  beforeEach(() => {
    TestBed.resetTestingModule();
    connection = TestBed.inject(Connection);
    catchUps = 0;
    connection.afterEachReconnect(() => catchUps++, TestBed.inject(DestroyRef));
  });

  it('catches up each time the real-time connection opens again', () => {
    connection.socketOpened();
    expect(catchUps).toBe(0);

    connection.socketClosed(1006);
    connection.socketOpened();
    expect(catchUps).toBe(1);
  });

  it('catches up when the real-time connection first opens after it could not', () => {
    connection.socketClosed(1006);
    connection.socketOpened();

    expect(catchUps).toBe(1);
  });
});
