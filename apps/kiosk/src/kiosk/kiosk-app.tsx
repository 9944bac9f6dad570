import type { Venue } from '@fiveways/shared';
import { londonDateOf } from '@fiveways/shared/london-time';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadDirectory } from './directory/api.ts';
import type { Directory } from './directory/types.ts';
import {
  createTranslator,
  loadMessages,
  RTL_LANGUAGES,
  type Language,
  type Messages,
  type Translator,
} from '../i18n/index.ts';
import { en } from '../i18n/en.ts';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { IdleWarning } from './components/idle-warning.tsx';
import { NavBar } from './components/nav-bar.tsx';
import { PleaseWait } from './components/please-wait.tsx';
import { applyWaitingUpdate } from './hooks/service-worker.ts';
import { useIdle } from './hooks/use-idle.ts';
import { idleLimitMs, KioskContext, type KioskState, type Screen } from './kiosk-context.ts';
import { AboutPage } from './pages/about-page.tsx';
import { AttractScreen } from './pages/attract-screen.tsx';
import { FiltersPage } from './pages/filters-page.tsx';
import { GroupPage } from './pages/group-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { LanguagePage } from './pages/language-page.tsx';
import { PrintSessionPage, PrintWeekPage } from './pages/print-pages.tsx';
import { ResultsPage } from './pages/results-page.tsx';
import { SessionDetailPage } from './pages/session-detail-page.tsx';
import { TakeHomePage } from './pages/take-home-page.tsx';
import { readSettings, wipeVisitStorage } from './storage.ts';
import {
  recordKioskEvent,
  recordStep,
  sendKioskCounts,
  startSendingKioskCounts,
} from './reach-events.ts';
import {
  fetchDataVersion,
  findNewCancellations,
  META_POLL_MS,
  versionOf,
  withNewCancellations,
} from './freshness/fresh-data.ts';
import { UpdateBanner } from './freshness/update-banner.tsx';
import { useListen } from './listen/use-listen.ts';
import { ScrollCue } from './components/scroll-cue.tsx';

const REFRESH_MS = 15 * 60_000;
const RETRY_MS = 30_000;

/**
 * Today's date in the UK, whatever zone the device is set to. Worked out with the UK clock-change
 * rule rather than Intl, whose first use costs the first screen ICU's set-up.
 */
const londonToday = () => londonDateOf(new Date());

/** A task of its own for what follows, so the browser can paint and take taps in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function applyDocumentLanguage(language: Language, bigText: boolean) {
  const root = document.documentElement;
  root.lang = language;
  root.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  root.classList.toggle('big-text', bigText);
}

/**
 * The kiosk: the attract screen between visits, and one visit at a time. Each visit is mounted
 * under its own key, so ending it throws away every bit of its state at once.
 */
export function KioskApp() {
  const settings = useMemo(() => readSettings(location.search), []);
  const [attract, setAttract] = useState(false);
  // `counted`: the visit was counted when it started (a touch on the attract screen).
  const [visit, setVisit] = useState({ key: 0, language: 'en' as Language, counted: false });
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const pending = useRef<Directory | null>(null);
  // The newest data while a visit shows older: the visit takes only its cancellations.
  const [latest, setLatest] = useState<Directory | null>(null);
  const knownVersion = useRef<string | null>(null);
  const refreshing = useRef(false);
  const attractRef = useRef(attract);
  attractRef.current = attract;
  const hasData = useRef(false);
  const recentErrors = useRef<number[]>([]);

  // The kiosk's styles apply only under this class, so the public and staff pages keep their own.
  useLayoutEffect(() => {
    document.documentElement.classList.add('kiosk-mode');
    return () => document.documentElement.classList.remove('kiosk-mode');
  }, []);

  // Data is swapped in only between visits (or when there was none), never under someone's finger.
  const refresh = useCallback(() => {
    if (refreshing.current) return;
    refreshing.current = true;
    loadDirectory(londonToday())
      .then(async (d) => {
        // The answer is unpacked in one task and drawn in the next, keeping each one short.
        await nextTask();
        setLoadFailed(false);
        if (!d.offline) knownVersion.current = versionOf(d.meta);
        if (!hasData.current || attractRef.current) {
          hasData.current = true;
          pending.current = null;
          setDirectory(d);
          setLatest(null);
        } else {
          pending.current = d;
          setLatest(d);
        }
      })
      .catch((error: unknown) => {
        console.warn('No directory information yet', error);
        if (!hasData.current) setLoadFailed(true);
      })
      .finally(() => {
        refreshing.current = false;
      });
  }, []);

  // A cheap question about once a minute: has anything changed? Offline it fails quietly.
  const checkForChanges = useCallback(() => {
    if (!hasData.current) return;
    void fetchDataVersion().then((version) => {
      if (version !== null && version !== knownVersion.current) refresh();
    });
  }, [refresh]);

  // Asked for before the first paint: nothing is drawn until it answers.
  useLayoutEffect(() => refresh(), [refresh]);

  // The day's counts go to the server every few minutes and when the network is back.
  const homeSlug = settings.venue ?? '';
  useEffect(() => startSendingKioskCounts(homeSlug), [homeSlug]);

  useEffect(() => {
    const every = setInterval(refresh, REFRESH_MS);
    const retry = setInterval(() => {
      if (!hasData.current) refresh();
    }, RETRY_MS);
    const poll = setInterval(checkForChanges, META_POLL_MS);
    window.addEventListener('online', refresh);
    return () => {
      clearInterval(every);
      clearInterval(retry);
      clearInterval(poll);
      window.removeEventListener('online', refresh);
    };
  }, [refresh, checkForChanges]);

  /** Swaps in data that came during a visit: only ever between visits. */
  const applyPending = useCallback(() => {
    if (pending.current) {
      setDirectory(pending.current);
      pending.current = null;
      setLatest(null);
    }
  }, []);

  useEffect(() => {
    if (!attract) return;
    applyPending();
    applyWaitingUpdate();
  }, [attract, applyPending]);

  /** Ends the visit: wipes storage, scroll, language and text size, then attract or Home. */
  const endVisit = useCallback(
    (toAttract: boolean) => {
      wipeVisitStorage();
      applyDocumentLanguage('en', false);
      window.scrollTo(0, 0);
      // Keep the address but drop any state a visit could have put on the history entry.
      history.replaceState(null, '', location.pathname + location.search);
      setVisit((v) => ({ key: v.key + 1, language: 'en', counted: false }));
      setAttract(toAttract);
      // A visit ended: what it counted goes now (or stays until the network is back).
      void sendKioskCounts(homeSlug);
      // The next visit starts on the newest data, and asks whether there is newer.
      applyPending();
      checkForChanges();
    },
    [applyPending, checkForChanges, homeSlug],
  );

  const onScreenError = useCallback(() => {
    const now = Date.now();
    recentErrors.current = [...recentErrors.current.filter((t) => now - t < 10_000), now];
    // A screen that fails again and again sends the kiosk to the attract screen instead.
    endVisit(recentErrors.current.length > 3);
  }, [endVisit]);

  const visitDirectory = useMemo(
    () => (directory && latest ? withNewCancellations(directory, latest) : directory),
    [directory, latest],
  );

  // Home is drawn once, with its information, so nothing on it moves when that arrives (usually
  // within a moment: saved by the service worker or this device). A slow start says so after 1 s;
  // with nothing at all, Home shows without it and says the information is not available.
  if (directory === null && !loadFailed) return <PleaseWait label={en.pleaseWait} />;
  if (attract) {
    return (
      <AttractScreen
        onStart={(language) => {
          recordKioskEvent('visit');
          setVisit((v) => ({ key: v.key + 1, language, counted: true }));
          setAttract(false);
        }}
      />
    );
  }
  const homeVenue = directory?.venues.find((v) => v.slug === settings.venue) ?? null;
  return (
    <ErrorBoundary key={visit.key} onError={onScreenError}>
      <Visit
        initialLanguage={visit.language}
        counted={visit.counted}
        directory={visitDirectory}
        loadFailed={loadFailed}
        homeVenue={homeVenue}
        onEnd={endVisit}
      />
    </ErrorBoundary>
  );
}

interface VisitProps {
  initialLanguage: Language;
  /** The visit was already counted; otherwise its first touch counts it. */
  counted: boolean;
  directory: Directory | null;
  loadFailed: boolean;
  homeVenue: Venue | null;
  onEnd: (toAttract: boolean) => void;
}

function Visit({ initialLanguage, counted, directory, loadFailed, homeVenue, onEnd }: VisitProps) {
  const [stack, setStack] = useState<Screen[]>([{ name: 'home' }]);
  const [language, setLanguageState] = useState<Language>('en');
  const [messages, setMessages] = useState<Messages>(en);
  const [loadingLanguage, setLoadingLanguage] = useState(false);
  const [bigText, setBigText] = useState(false);
  const today = useMemo(() => londonToday(), []);
  const main = useRef<HTMLDivElement>(null);
  const screen = stack[stack.length - 1] ?? { name: 'home' };
  // What the screens show: newer data (a cancellation) is taken on the next screen opened, and
  // a screen already showing a date that is now cancelled says so in a banner.
  const [shownData, setShownData] = useState(directory);
  const shown = shownData ?? directory;
  const latestData = useRef(directory);
  latestData.current = directory;
  const go = useCallback((update: (stack: Screen[]) => Screen[]) => {
    setStack(update);
    setShownData(latestData.current);
  }, []);
  const newCancellations = useMemo(
    () => (shown && directory && shown !== directory ? findNewCancellations(shown, directory) : []),
    [shown, directory],
  );

  const setLanguage = useCallback((next: Language) => {
    setLoadingLanguage(true);
    loadMessages(next)
      .then((m) => {
        setMessages(m);
        setLanguageState(next);
      })
      .catch((error: unknown) => console.error('Could not load the language', error))
      .finally(() => setLoadingLanguage(false));
  }, []);

  useEffect(() => {
    if (initialLanguage !== 'en') setLanguage(initialLanguage);
  }, [initialLanguage, setLanguage]);

  useLayoutEffect(() => applyDocumentLanguage(language, bigText), [language, bigText]);

  // A visit is someone touching the screen: the first touch of one not counted yet counts it.
  useEffect(() => {
    if (counted) return;
    const count = () => {
      recordKioskEvent('visit');
      remove();
    };
    const remove = () => {
      document.removeEventListener('pointerdown', count, true);
      document.removeEventListener('keydown', count, true);
    };
    document.addEventListener('pointerdown', count, true);
    document.addEventListener('keydown', count, true);
    return remove;
  }, [counted]);

  // Each new screen starts at the top (the first one already does: scrolling it would only force
  // a layout inside the first drawing's task).
  const firstScreen = useRef(true);
  useLayoutEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    main.current?.querySelector('main')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  }, [stack]);

  const listen = useListen(language, stack, main);
  const idle = useIdle(idleLimitMs(screen), () => onEnd(true));

  const translator = useMemo(
    () => withYears(createTranslator(language, messages), today),
    [language, messages, today],
  );
  const state: KioskState = {
    ...translator,
    directory: shown,
    today,
    homeVenue,
    bigText,
    toggleBigText: () => setBigText((b) => !b),
    listen,
    setLanguage,
    nav: {
      depth: stack.length,
      open: (s) => {
        recordStep(screen, s, today);
        go((st) => [...st, s]);
      },
      replace: (s) => {
        recordStep(screen, s, today);
        go((st) => [...st.slice(0, -1), s]);
      },
      back: () => go((st) => (st.length > 1 ? st.slice(0, -1) : st)),
      home: () => go(() => [{ name: 'home' }]),
      startAgain: () => onEnd(false),
    },
  };

  return (
    <KioskContext.Provider value={state}>
      <div class="kiosk" ref={main} onContextMenu={(e) => e.preventDefault()}>
        {loadFailed && directory === null ? (
          <p class="notice notice-stale" role="alert">
            {state.t('notAvailable')}
          </p>
        ) : null}
        <ScreenView screen={screen} />
        <ScrollCue screen={screen} bigText={bigText} root={main} />
        <UpdateBanner cancellations={newCancellations} screen={screen} root={main} />
        <NavBar />
        {loadingLanguage ? <PleaseWait label={state.t('pleaseWait')} /> : null}
        {idle.secondsLeft !== null ? (
          <IdleWarning secondsLeft={idle.secondsLeft} onMoreTime={idle.extend} />
        ) : null}
      </div>
    </KioskContext.Provider>
  );
}

/** Dates outside this year carry their year ("Tuesday 5 January 2027"), so none is misread. */
function withYears<T extends Translator>(translator: T, today: string): T {
  const year = today.slice(0, 4);
  const { day, longDay, longDate } = translator;
  return {
    ...translator,
    day: (date: string) => (date.startsWith(year) ? day(date) : longDate(date)),
    longDay: (date: string) => (date.startsWith(year) ? longDay(date) : longDate(date)),
  };
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <HomePage />;
    case 'results':
      return <ResultsPage filters={screen.filters} />;
    case 'filters':
      return <FiltersPage filters={screen.filters} />;
    case 'session':
      return <SessionDetailPage id={screen.id} date={screen.date} />;
    case 'group':
      return <GroupPage slug={screen.slug} />;
    case 'take-home':
      return <TakeHomePage id={screen.id} date={screen.date} />;
    case 'print-session':
      return <PrintSessionPage id={screen.id} />;
    case 'print-week':
      return <PrintWeekPage venue={screen.venue} />;
    case 'language':
      return <LanguagePage />;
    case 'about':
      return <AboutPage />;
  }
}
