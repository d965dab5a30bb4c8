import { useEffect } from 'react';
import { AppLayout } from './components/app-layout.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { QueryError } from './components/query-error.tsx';
import { useSession } from './hooks/use-session.ts';
import { LoginPage } from './pages/login-page.tsx';
import { NewProjectPage } from './pages/new-project-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ProjectListPage } from './pages/project-list-page.tsx';
import { ProjectPage } from './pages/project-page.tsx';
import { RunPage } from './pages/run-page.tsx';
import { RunsPage } from './pages/runs-page.tsx';
import { SignupPage } from './pages/signup-page.tsx';
import { WorkflowPage } from './pages/workflow-page.tsx';
import { WorkflowsPage } from './pages/workflows-page.tsx';
import { WorkspaceModelsPage } from './pages/workspace-models-page.tsx';
import { WorkspacePage } from './pages/workspace-page.tsx';
import { matchRoute, type Route } from './routing/match-route.ts';
import { navigate, usePathname } from './routing/navigation.ts';
import { WorkspaceProvider } from './workspace-context.tsx';

/** The app: the log-in pages for visitors; the workspace, its projects, workflows and runs for members. */
export function App() {
  const route = matchRoute(usePathname());
  const session = useSession();
  const signedIn = Boolean(session.data);
  const onAuthPage = route.name === 'login' || route.name === 'signup';

  useEffect(() => {
    if (signedIn && onAuthPage) navigate('/', { replace: true });
  }, [signedIn, onAuthPage]);

  if (session.isPending) return <PageLoader label="Loading Foundry" fullScreen />;
  if (session.isError && !session.data) return <QueryError error={session.error} onRetry={() => void session.refetch()} fullScreen />;
  if (!session.data) return route.name === 'signup' ? <SignupPage /> : <LoginPage />;

  return (
    <WorkspaceProvider session={session.data}>
      <AppLayout>
        <Page route={route} />
      </AppLayout>
    </WorkspaceProvider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'projects':
    case 'login':
    case 'signup':
      return <ProjectListPage />;
    case 'new-project':
      return <NewProjectPage />;
    case 'project':
      return <ProjectPage key={route.projectId} projectId={route.projectId} tab={route.tab} />;
    case 'workspace':
      return <WorkspacePage />;
    case 'workspace-models':
      return <WorkspaceModelsPage />;
    case 'workflows':
      return <WorkflowsPage />;
    case 'workflow':
      return <WorkflowPage key={route.workflowId} workflowId={route.workflowId} />;
    case 'runs':
      return <RunsPage />;
    case 'run':
      return <RunPage key={route.runId} runId={route.runId} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
