import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvitationPreview } from '@relab/shared';
import { api, type PreviewQuery } from '../../lib/api.js';

export interface PreviewState {
  preview: InvitationPreview | null;
  error: unknown;
  loading: boolean;
  /** Asks the server what a code or token opens (lab name, role, validity). */
  check: (query: PreviewQuery) => Promise<InvitationPreview | null>;
  reset: () => void;
}

/** The preview of an invitation; only the answer to the latest question is kept. */
export function useInvitationPreview(initial?: PreviewQuery | null): PreviewState {
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(Boolean(initial));
  const latest = useRef(0);

  const check = useCallback(async (query: PreviewQuery) => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const result = await api.previewInvitation(query);
      if (ticket === latest.current) setPreview(result);
      return result;
    } catch (err) {
      if (ticket === latest.current) {
        setPreview(null);
        setError(err);
      }
      return null;
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setPreview(null);
    setError(null);
    setLoading(false);
  }, []);

  const initialKey = initial ? JSON.stringify(initial) : '';
  useEffect(() => {
    if (initialKey) void check(JSON.parse(initialKey) as PreviewQuery);
  }, [initialKey, check]);

  return { preview, error, loading, check, reset };
}
