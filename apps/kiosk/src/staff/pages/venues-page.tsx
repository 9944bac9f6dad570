import { Page } from '../components/page.tsx';

export function VenuesPage(_props: Record<string, unknown>) {
  return <Page title="VenuesPage">Coming soon</Page>;
}
