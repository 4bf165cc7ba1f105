import { useParams } from 'react-router';
import { SessionView } from '../features/sessions/room/SessionView.js';
import '../features/sessions/sessions.css';

/** /labs/:labId/sessions/:sessionId — a session: details, agenda, ground rules, and the live room. */
export function SessionPage() {
  const { labId = '', sessionId = '' } = useParams();
  // A new session is a new room: nothing of the previous one (state, bring, forms) is kept.
  return <SessionView key={`${labId}/${sessionId}`} labId={labId} sessionId={sessionId} />;
}
