import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/Loading.js';
import { useSession } from './useSession.js';

/** Renders the child routes for a logged-in user; sends anyone else to /login, remembering where they wanted to go. */
export function RequireAuth() {
  const { status, signedOut } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    const to = signedOut || next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}
