import { Page } from '../components/page.tsx';

export function AreasPage(_props: Record<string, unknown>) {
  return <Page title="AreasPage">Coming soon</Page>;
}
