import { describe, expect, test } from '@jest/globals';
import type { LiveTimer } from '@relab/shared';
import { clockOffsetMs, formatClock, minutesLeft, reachedZero, remainingSeconds } from './timer.js';

const running = (endsAt: string, remaining = 600): LiveTimer => ({ running: true, endsAt, remainingSeconds: remaining, totalSeconds: 900 });

describe('the agenda timer', () => {
  test('counts down to endsAt on the server’s clock, even when ours is off', () => {
    // Our clock is 30 s behind the server: at our 12:00:00 it is 12:00:30 on the server.
    const receivedAt = Date.parse('2026-03-12T12:00:00Z');
    const offset = clockOffsetMs('2026-03-12T12:00:30Z', receivedAt);
    expect(offset).toBe(30_000);
    const timer = running('2026-03-12T12:10:30Z');
    expect(remainingSeconds(timer, offset, receivedAt, receivedAt)).toBe(600);
    expect(remainingSeconds(timer, offset, receivedAt, receivedAt + 61_000)).toBe(539);
  });

  test('a clock that is ahead gives the same time left', () => {
    const receivedAt = Date.parse('2026-03-12T12:05:00Z');
    const offset = clockOffsetMs('2026-03-12T12:00:00Z', receivedAt);
    expect(remainingSeconds(running('2026-03-12T12:10:00Z'), offset, receivedAt, receivedAt + 1_000)).toBe(599);
  });

  test('never goes below zero, and rounds part of a second up', () => {
    const receivedAt = 1_000_000;
    const timer = running(new Date(receivedAt + 5_500).toISOString());
    expect(remainingSeconds(timer, 0, receivedAt, receivedAt)).toBe(6);
    expect(remainingSeconds(timer, 0, receivedAt, receivedAt + 60_000)).toBe(0);
  });

  test('without endsAt a running timer counts down from what was left when the state was made', () => {
    const timer: LiveTimer = { running: true, endsAt: null, remainingSeconds: 120, totalSeconds: 300 };
    expect(remainingSeconds(timer, 0, 5_000, 35_000)).toBe(90);
  });

  test('a paused timer stands still, and no timer shows zero', () => {
    const paused: LiveTimer = { running: false, endsAt: null, remainingSeconds: 75, totalSeconds: 300 };
    expect(remainingSeconds(paused, 10_000, 0, 999_999)).toBe(75);
    expect(remainingSeconds(null, 0, 0, 0)).toBe(0);
  });

  test('a server time that cannot be read leaves our clock as it is', () => {
    expect(clockOffsetMs('garbage', 123)).toBe(0);
  });

  test('is shown as m:ss, or h:mm:ss from an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(9)).toBe('0:09');
    expect(formatClock(245)).toBe('4:05');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('0:00');
  });

  test('is read to screen readers in whole minutes, rounded up', () => {
    expect(minutesLeft(61)).toBe(2);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(0)).toBe(0);
  });

  test('"time is up" is announced only when a running timer reaches zero', () => {
    expect(reachedZero(1, 0, true)).toBe(true);
    expect(reachedZero(null, 0, true)).toBe(false);
    expect(reachedZero(0, 0, true)).toBe(false);
    expect(reachedZero(5, 0, false)).toBe(false);
    expect(reachedZero(5, 4, true)).toBe(false);
  });
});
