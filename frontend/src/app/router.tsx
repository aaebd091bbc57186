import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { GroupsRoute } from './routes/groups';
import { GroupLayout } from './routes/group-layout';
import { NotFoundRoute } from './routes/not-found';
import { RootLayout } from './routes/root-layout';

/** The routes. The board (drag and drop), meetings, activity, group and import pages are split out, loaded on first visit. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <RootLayout />,
    children: [
      { index: true, element: <GroupsRoute /> },
      {
        path: 'groups/:slug',
        element: <GroupLayout />,
        children: [
          { index: true, element: <Navigate to="board" replace /> },
          { path: 'board', lazy: () => import('./routes/board').then((m) => ({ Component: m.BoardRoute })) },
          {
            path: 'meetings',
            lazy: () => import('./routes/meetings').then((m) => ({ Component: m.MeetingsRoute })),
          },
          {
            path: 'activity',
            lazy: () => import('./routes/activity').then((m) => ({ Component: m.ActivityRoute })),
          },
          {
            path: 'about',
            lazy: () => import('./routes/group-about').then((m) => ({ Component: m.GroupAboutRoute })),
          },
          {
            path: 'import',
            lazy: () => import('./routes/group-import').then((m) => ({ Component: m.GroupImportRoute })),
          },
        ],
      },
      {
        path: 'import',
        lazy: () => import('./routes/new-group-import').then((m) => ({ Component: m.NewGroupImportRoute })),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
