import type { ComponentChildren } from 'preact';
import { useSampleData } from '../hooks/use-sample-data.ts';
import '../public.css';

/** The frame of every public page: skip link, site name, sample-data notice, main, footer. */
export function PublicLayout({ children }: { children: ComponentChildren }) {
  const sampleData = useSampleData();
  return (
    <div class="pub">
      <a class="pub-skip" href="#main">
        Skip to main content
      </a>
      <header class="pub-header">
        <div class="pub-wrap">
          <a class="pub-brand" href="/subscribe">
            Five Ways Worcester
          </a>
          <p class="pub-tagline">Local sessions for your wellbeing</p>
        </div>
        {sampleData && (
          <p class="pub-sample">
            <strong>Sample data:</strong> these sessions are examples for trying the service, not
            real events.
          </p>
        )}
      </header>
      <main id="main" class="pub-main pub-wrap" tabIndex={-1}>
        {children}
      </main>
      <footer class="pub-footer">
        <div class="pub-wrap">
          <p>
            Sessions at Worcester Community Trust hubs and local groups, tagged by the five ways to
            wellbeing.
          </p>
          <p>
            <a href="/subscribe">Subscribe to a calendar</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
