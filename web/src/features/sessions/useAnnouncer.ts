import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Text for one polite live region. The same sentence twice is announced twice: the region is emptied first and
 * filled on the next frame, which screen readers hear as a new message.
 */
export function useAnnouncer(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const frame = useRef<number | null>(null);
  const announce = useCallback((next: string) => {
    setText('');
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setText(next);
    });
  }, []);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);
  return [text, announce];
}
