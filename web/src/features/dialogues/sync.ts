/**
 * Keeps a dialogue's thread up to date. The live socket only says "something changed (rev N)"; this fetches
 * `GET …/messages?since=<rev held>`, page after page while `more`, one fetch at a time. A notice that arrives
 * during a fetch asks for one more round after it; a notice about a rev already held is ignored; a failed fetch is
 * tried again after a growing delay. Pure: the fetch and the timers are injected.
 */
import type { DialogueMessage, MessagesPage } from '@relab/shared';
import { EMPTY_THREAD, applyMessage, applyPage, needsFetch, type ThreadState } from './thread.js';

type ChangeListener = (before: ThreadState, after: ThreadState) => void;

/** The thread as an external store (for React's useSyncExternalStore), with the state before and after each change. */
export class ThreadStore {
  private state: ThreadState = EMPTY_THREAD;
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<ChangeListener>();

  readonly getState = (): ThreadState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  applyPage(page: MessagesPage): void {
    this.set(applyPage(this.state, page));
  }

  applyMessage(message: DialogueMessage): void {
    this.set(applyMessage(this.state, message));
  }

  private set(next: ThreadState): void {
    if (next === this.state) return;
    const before = this.state;
    this.state = next;
    this.changeListeners.forEach((l) => l(before, next));
    this.listeners.forEach((l) => l());
  }
}

export interface MessageSyncOptions {
  store: ThreadStore;
  fetchPage: (since: number) => Promise<MessagesPage>;
  /** A fetch failed (it is tried again by itself). */
  onError?: (error: unknown) => void;
  /** Everything up to the latest known change is held. */
  onSynced?: () => void;
  /** Delay before trying a failed fetch again: 1 s, 2 s, 4 s… at most 30 s. */
  retryDelayMs?: (failures: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const defaultDelay = (failures: number) => Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));

export class MessageSync {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private timer: unknown = null;

  constructor(private readonly options: MessageSyncOptions) {}

  /**
   * Fetches what changed. `noticeRev`: the rev a notice announced (nothing to do when it is already held);
   * without it (after a (re)subscription, `online`, a timer) it always fetches.
   */
  request(noticeRev?: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!needsFetch(this.options.store.getState(), noticeRev)) return this.running ?? Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelTimer();
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops for good (the page is left): answers still on their way are dropped. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private async run(): Promise<void> {
    const { store, fetchPage } = this.options;
    do {
      this.again = false;
      for (;;) {
        const since = store.getState().rev;
        let page: MessagesPage;
        try {
          page = await fetchPage(since);
        } catch (error) {
          if (this.stopped) return;
          this.failures++;
          this.options.onError?.(error);
          this.schedule();
          return;
        }
        if (this.stopped) return;
        this.failures = 0;
        store.applyPage(page);
        // A page that says "more" but does not move forward would loop for ever: fetch again on the next notice.
        if (!page.more || store.getState().rev <= since) break;
      }
    } while (this.again && !this.stopped);
    this.options.onSynced?.();
  }

  private schedule(): void {
    const setTimer = this.options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const delay = (this.options.retryDelayMs ?? defaultDelay)(this.failures);
    this.cancelTimer();
    this.timer = setTimer(() => {
      this.timer = null;
      void this.request();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }
}
