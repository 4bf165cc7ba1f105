import { applyTimer, freshTimer, liveState, timerAt, type TimerColumns } from './live-state.js';

const T0 = new Date('2027-03-18T18:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const none: TimerColumns = { timerTotalSeconds: null, timerRemainingSeconds: null, timerEndsAt: null };

describe('the session timer', () => {
  test('a new item gets its minutes, not running', () => {
    expect(timerAt(freshTimer(600), T0)).toEqual({ running: false, endsAt: null, remainingSeconds: 600, totalSeconds: 600 });
  });

  test('start, pause after 100 s, resume: the time left is kept', () => {
    const running = applyTimer(freshTimer(600), 'start', undefined, 600, T0)!;
    expect(timerAt(running, at(100))).toEqual({ running: true, endsAt: at(600).toISOString(), remainingSeconds: 500, totalSeconds: 600 });
    const paused = applyTimer(running, 'pause', undefined, 600, at(100))!;
    expect(timerAt(paused, at(1000))).toEqual({ running: false, endsAt: null, remainingSeconds: 500, totalSeconds: 600 });
    const resumed = applyTimer(paused, 'start', undefined, 600, at(1000))!;
    expect(resumed.timerEndsAt).toEqual(at(1500));
    // starting a running timer changes nothing; pausing a paused one neither
    expect(applyTimer(resumed, 'start', undefined, 600, at(1200))).toEqual(resumed);
    expect(applyTimer(paused, 'pause', undefined, 600, at(2000))).toEqual(paused);
  });

  test('a timer that ran out shows 0 and starts again from its full length', () => {
    const running = applyTimer(freshTimer(60), 'start', undefined, 60, T0)!;
    expect(timerAt(running, at(90))!.remainingSeconds).toBe(0);
    const paused = applyTimer(running, 'pause', undefined, 60, at(90))!;
    expect(paused.timerRemainingSeconds).toBe(0);
    expect(applyTimer(paused, 'start', undefined, 60, at(100))!.timerEndsAt).toEqual(at(160));
  });

  test('start or reset with a length; reset without one goes back to the item', () => {
    expect(timerAt(applyTimer(freshTimer(600), 'start', 120, 600, T0)!, T0)).toMatchObject({ running: true, remainingSeconds: 120, totalSeconds: 120 });
    expect(applyTimer(freshTimer(120), 'reset', undefined, 600, T0)).toEqual(freshTimer(600));
    expect(applyTimer(freshTimer(120), 'reset', undefined, null, T0)).toEqual(freshTimer(120));
  });

  test('nothing to time without an item or a length', () => {
    expect(applyTimer(none, 'start', undefined, null, T0)).toBeNull();
    expect(applyTimer(none, 'reset', undefined, null, T0)).toBeNull();
    expect(applyTimer(none, 'pause', undefined, null, T0)).toBeNull();
    expect(applyTimer(none, 'start', 30, null, T0)).toMatchObject({ timerTotalSeconds: 30 });
  });

  test('the live state carries the server clock', () => {
    const s = liveState(
      { id: 'x', status: 'live', currentItemId: null, itemStartedAt: null, startedAt: T0, endedAt: null, ...none },
      [],
      [],
      at(5),
    );
    expect(s).toMatchObject({ status: 'live', timer: null, startedAt: T0.toISOString(), serverNow: at(5).toISOString() });
  });
});
