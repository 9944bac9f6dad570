// English words of the phone pages (a session's page, following a calendar, the list of
// calendars), beyond the kiosk's own (../en.ts), which these pages use too. Loaded only with those
// pages. Every other language's file must have exactly these keys.
export const publicEn = {
  skipToContent: 'Skip to main content',
  siteName: 'Five Ways Worcester',
  tagline: 'Local sessions for your wellbeing',
  sampleDataLabel: 'Sample data:',
  sampleDataText: 'these sessions are examples for trying the service, not real events.',
  footerAbout:
    'Sessions at Worcester Community Trust hubs and local groups, tagged by the five ways to wellbeing.',
  footerFollow: 'Follow a calendar',
  loading: 'Loading…',
  loadFailed: 'Sorry, this could not be loaded. Check your connection.',
  tryAgain: 'Try again',
  pageNotFound: 'We can’t find that page',
  pageNotFoundLead: 'The link may be mistyped, or the page may have moved.',
  seeCalendars: 'See all the calendars you can follow',

  calendarHeading: 'Put it in your calendar',
  followHeading: 'Follow {name}',
  followLead: 'Following keeps your calendar up to date by itself.',
  followLeadMore: 'New dates, changes and cancellations appear without you doing anything.',
  allSessions: 'all sessions',
  chooseCalendarApp: 'Which calendar do you use?',
  suggestedHere: 'Suggested for this device',
  appleAction: 'Follow in Apple Calendar',
  appleHint: 'iPhone, iPad and Mac. Tap Subscribe, then Add.',
  googleAction: 'Follow in Google Calendar',
  googleHint:
    'Android phones, and Google Calendar on a computer. Sign in if asked, then choose Add.',
  googleSyncHint:
    'On Android, open Google Calendar settings, choose the new calendar and turn on Sync.',
  outlookWebAction: 'Follow in Outlook on the web',
  outlookWebHint:
    'Outlook.com or Microsoft 365 in a browser. Sign in if asked, then choose Import.',
  outlookAppAction: 'Follow in the Outlook app',
  outlookAppHint: 'Outlook on a Windows or Mac computer. Choose Yes when it asks.',
  otherAppHeading: 'Another calendar app',
  otherAppHint:
    'Copy this address. Paste it where your app says “subscribe” or “add from the web”.',
  calendarAddressOf: 'Calendar address of {name}: {address}',
  copyAddress: 'Copy address',
  copyAddressOf: 'Copy address of {name}',
  copied: 'Copied. Now paste it into your calendar app.',
  copyFailed: 'Could not copy. Press and hold the address to copy it.',
  onlyOnce: 'Only want the dates once?',
  followNotFound: 'We can’t find that calendar',
  followNotFoundLead: 'The link may be mistyped, or the calendar may have been removed.',
  noLongerRuns: 'This session no longer runs.',

  subscribeTitle: 'Follow a calendar',
  subscribeHeading: 'Get local sessions in your calendar',
  subscribeLead:
    'Follow a calendar once. New sessions, changes and cancellations then appear in it by themselves.',
  addOrFollowHeading: 'Add or follow?',
  followTerm: 'Follow',
  followTermHint:
    'Your calendar keeps itself up to date, with new sessions, changes and cancellations.',
  addTermHint:
    'On a session’s page. It saves the dates once. Later changes will not reach your calendar.',
  everything: 'Everything',
  everythingHint: 'Every session at every hub and group, in one calendar.',
  byWay: 'By way to wellbeing',
  byHub: 'By hub',
  byArea: 'By area',
  everyInArea: 'Every session in {area}',
  followName: 'Follow {name}',
  scanToFollow: 'Scan with your phone camera to follow {name}',
  qrToFollow: 'QR code to follow {name}',
  listLoading: 'Loading the calendars…',
  listFailed: 'Sorry, the list of calendars could not be loaded. Check your connection.',

  waysLabel: 'Ways to wellbeing:',
  when: 'When',
  chargeAsk: 'There is a charge: ask when you arrive',
  bookingDropIn: 'Just drop in, no need to book',
  bookingBook: 'Please book a place',
  noMoreDatesPlanned: 'No more dates are planned.',
  cancelledBecause: 'Cancelled — {reason}',
  movedFrom: 'Moved from {date}, {usual}',
  newTime: 'New time (usually {usual})',
  atVenueThisTime: 'at {venue} this time',
  otherVenue: 'a different venue',
  changedOnly: 'Changed',
  openInMaps: 'Open {venue} in maps',
  firstTime: 'Your first time',
  howToBook: 'How to book',
  phoneLabel: 'Phone:',
  emailLabel: 'Email:',
  websiteLabel: 'Website:',
  neverMiss: 'Never miss a session',
  neverMissLead:
    'Follow a calendar, and new dates, changes and cancellations reach your calendar by themselves.',
  followHub: 'Follow this hub',
  followVenue: 'Follow this venue',
  everyAtHub: 'Every session at this hub',
  everyAtVenue: 'Every session at this venue',
  followWay: 'Follow this way',
  everyWayEverywhere: 'Every {way} session, everywhere',
  moreCalendars: 'More calendars: by area, or everything',
  sessionNotFound: 'We can’t find that session',
  sessionNotFoundLead:
    'It may have finished, or the link may be mistyped. Sessions change from time to time.',
  sessionLoadFailed: 'Sorry, this session could not be loaded',

  ruleOnce: 'Once, on {date}, {time}',
  ruleEveryDay: 'Every day',
  ruleWeekly: 'Every {days}',
  ruleEveryWeeks: 'Every {n} weeks on {days}',
  ruleAllDays: 'every day',
  ruleMonthly: 'On the {nth} {day} of each month',
  'nth.1': 'first',
  'nth.2': 'second',
  'nth.3': 'third',
  'nth.4': 'fourth',
  'nth.-1': 'last',
  ruleFrom: 'from {date}',
  ruleUntil: 'until {date}',
  ruleTimes: '{n} times',
  ruleOnceOnly: 'once only',
  ruleNoBankHolidays: 'not on bank holidays',
  partSeparator: ', ',
  listAnd: 'and',
  timeSpan: '{start}–{end}',
  footerPrivacy: 'Privacy: what we count',
  privacyTitle: 'Privacy: what we count',
  privacyLead:
    'We count how often our calendars, posters and touch screens are used, so the people running the campaign can see what works. We keep numbers for each day, never who you are.',
  privacyCountedHeading: 'What we count',
  privacyCountedCalendars:
    'Calendars you follow: for each calendar, how many different calendar apps checked it each day, and how many times.',
  privacyCountedLinks:
    'Short web addresses and QR codes on posters and flyers: how many visits each day, and whether the link was on a poster, a flyer, a sheet, a touch screen or a calendar.',
  privacyCountedKiosk:
    'Touch screens: for each screen, by the building it stands in, how many visits each day, which ways to wellbeing were tapped, which day, area or “who for” choices were made, how many sessions were opened, how many take-home codes were shown, and which searches found nothing.',
  privacyNotKeptHeading: 'What we never keep',
  privacyNotKept:
    'We do not keep your internet address, your phone or browser details, cookies, your name or anything you type. You do not need an account.',
  privacyHowHeading: 'Why the counts identify no one',
  privacyHowCalendars:
    'To tell calendar apps apart within one day, the server mixes each app’s internet address and browser name with a secret random value made fresh every day, and keeps only the scrambled result, in memory. When the day ends the secret is thrown away without ever being written down, so nobody, not even us, can turn a result back into an address or link one day to the next. Only the number of different apps is saved.',
  privacyHowKiosk:
    'A touch screen adds up taps for the day and sends only the totals. It sends no time of day, no screen number and nothing about who touched it, and everything a visit leaves on the screen is wiped when it starts again.',
  privacyKeptHeading: 'How long we keep the counts',
  privacyKept:
    'The daily counts are kept for {months} months, so one year can be compared with the last, and are then deleted automatically.',
  privacyQuestions: 'Questions? Ask a member of staff at any Worcester Community Trust hub.',
} as const;

export type PublicOnlyKey = keyof typeof publicEn;
export type PublicOnlyMessages = Record<PublicOnlyKey, string>;
