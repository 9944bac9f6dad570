import { Link } from '../components/link.tsx';
import { Page } from '../components/page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no page at this address. Go to <Link href="/staff">this week</Link>.
      </p>
    </Page>
  );
}
