import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/RequireAuth.js';
import { InvitePage } from '../routes/InvitePage.js';
import { JoinPage } from '../routes/JoinPage.js';
import { LabPage } from '../routes/LabPage.js';
import { LabsPage } from '../routes/LabsPage.js';
import { LoginPage } from '../routes/LoginPage.js';
import { NotFoundPage } from '../routes/NotFoundPage.js';
import { RecoverPage } from '../routes/RecoverPage.js';
import { RouteErrorPage } from '../routes/RouteErrorPage.js';
import { SettingsPage } from '../routes/SettingsPage.js';
import { Shell } from './Shell.js';

/** Every page of the app. Join, recover and invitation pages are open to anyone; the rest needs a session. */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'join', element: <JoinPage /> },
      { path: 'join/:code', element: <JoinPage /> },
      { path: 'recover', element: <RecoverPage /> },
      { path: 'invite/:token', element: <InvitePage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <LabsPage /> },
          { path: 'labs/:labId', element: <LabPage /> },
          // The editor and the live connection are loaded only when a notebook is opened.
          { path: 'labs/:labId/notes', lazy: async () => ({ Component: (await import('../routes/LabNotesPage.js')).LabNotesPage }) },
          // Case reflections: the list, and one reflection (editor, detectors, live connection), loaded on demand.
          { path: 'labs/:labId/reflections', lazy: async () => ({ Component: (await import('../routes/ReflectionsPage.js')).ReflectionsPage }) },
          {
            path: 'labs/:labId/reflection-template',
            lazy: async () => ({ Component: (await import('../routes/ReflectionTemplatePage.js')).ReflectionTemplatePage }),
          },
          {
            path: 'labs/:labId/reflections/:reflectionId',
            lazy: async () => ({ Component: (await import('../routes/ReflectionPage.js')).ReflectionPage }),
          },
          // Whiteboards: the list, and one board (Konva canvas, live connection), loaded on demand.
          { path: 'labs/:labId/boards', lazy: async () => ({ Component: (await import('../routes/BoardsPage.js')).BoardsPage }) },
          { path: 'labs/:labId/boards/:boardId', lazy: async () => ({ Component: (await import('../routes/BoardPage.js')).BoardPage }) },
          // Moderated dialogues: the list, and one dialogue (thread, composer, moderation), loaded on demand.
          { path: 'labs/:labId/dialogues', lazy: async () => ({ Component: (await import('../routes/DialoguesPage.js')).DialoguesPage }) },
          { path: 'labs/:labId/dialogues/:dialogueId', lazy: async () => ({ Component: (await import('../routes/DialoguePage.js')).DialoguePage }) },
          // Lab sessions: planning, the live room, and the report after the session.
          { path: 'labs/:labId/sessions', lazy: async () => ({ Component: (await import('../routes/SessionsPage.js')).SessionsPage }) },
          { path: 'labs/:labId/sessions/:sessionId', lazy: async () => ({ Component: (await import('../routes/SessionPage.js')).SessionPage }) },
          {
            path: 'labs/:labId/sessions/:sessionId/report',
            lazy: async () => ({ Component: (await import('../routes/SessionReportPage.js')).SessionReportPage }),
          },
          // Bonding, bridging and linking: dashboard and network view (chart.js; sigma only when the network is drawn).
          { path: 'labs/:labId/activity', lazy: async () => ({ Component: (await import('../routes/ActivityPage.js')).ActivityPage }) },
          { path: 'settings', element: <SettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
