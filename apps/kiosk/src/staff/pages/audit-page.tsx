import { Page } from '../components/page.tsx';

export function AuditPage(_props: Record<string, unknown>) {
  return <Page title="AuditPage">Coming soon</Page>;
}
