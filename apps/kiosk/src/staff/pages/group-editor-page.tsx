import { Page } from '../components/page.tsx';

export function GroupEditorPage(_props: Record<string, unknown>) {
  return <Page title="GroupEditorPage">Coming soon</Page>;
}
