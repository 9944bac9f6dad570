import { Page } from '../components/page.tsx';

export function UsersPage(_props: Record<string, unknown>) {
  return <Page title="UsersPage">Coming soon</Page>;
}
