/** Short, device by device instructions for subscribing to a feed. */
export function SubscribeHelp() {
  return (
    <section class="pub-section" aria-labelledby="how-to">
      <h2 id="how-to">How to subscribe</h2>
      <p>Choose a calendar below, then follow the steps for your phone or app.</p>
      <details class="pub-help">
        <summary>iPhone or iPad</summary>
        <ol>
          <li>Open the calendar you want below.</li>
          <li>
            Tap <strong>Subscribe in my calendar app</strong>.
          </li>
          <li>
            Tap <strong>Subscribe</strong>, then <strong>Add</strong>. The sessions appear in the
            Calendar app.
          </li>
        </ol>
      </details>
      <details class="pub-help">
        <summary>Android phone or Google Calendar</summary>
        <ol>
          <li>
            Tap <strong>Add to Google Calendar</strong>, on your phone's browser or on a computer.
            Sign in to Google if asked.
          </li>
          <li>
            When Google asks <q>Add calendar?</q>, choose <strong>Add</strong>.
          </li>
          <li>
            On an Android phone, open the Google Calendar app, go to <strong>Menu</strong>, then{' '}
            <strong>Settings</strong>, choose the new calendar and turn on <strong>Sync</strong>. It
            can take a few hours for sessions to appear.
          </li>
        </ol>
      </details>
      <details class="pub-help">
        <summary>Outlook</summary>
        <ol>
          <li>
            Open the calendar you want below and choose <strong>Copy address</strong> (or copy the
            address that starts with https).
          </li>
          <li>
            In Outlook, choose <strong>Add calendar</strong>, then{' '}
            <strong>Subscribe from web</strong> (in older Outlook: <strong>Add calendar</strong>,{' '}
            <strong>From internet</strong>).
          </li>
          <li>Paste the address, give the calendar a name and choose Import or OK.</li>
        </ol>
      </details>
    </section>
  );
}
