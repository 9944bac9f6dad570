import { Page } from '../components/page.tsx';

export function GroupsPage(_props: Record<string, unknown>) {
  return <Page title="GroupsPage">Coming soon</Page>;
}
