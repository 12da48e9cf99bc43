// The plain facts the rule engine and the statistics read. The server's source adapters
// (server/features/oversight/sources/*) map the accounts, posts and messages features' own
// documents into these shapes, so a change in their model touches one adapter, not the engine.

export interface PersonRef {
  staffId: string;
  name: string;
}

export interface AccountFacts {
  id: string;
  name: string;
  platformLabel: string;
  unitId: string;
  unitName: string;
  /** Live and expected to post (not being closed, not yet applied for). */
  monitored: boolean;
  /** When it opened on the platform; silence counts from here until the first post. */
  openedAt: number | null;
  lastPostAt: number | null;
  /** The first filing is still outstanding: its stored due time (if any) and whether it was sent. */
  filing: { dueAt: number | null; submitted: boolean } | null;
  /** A change of the filing waiting to be re-filed. */
  refiling: { since: number; dueAt: number | null; submitted: boolean } | null;
  people: { publisher: PersonRef | null; leader: PersonRef | null; reviewer: PersonRef | null };
}

export const RATING_VALUES = ['satisfied', 'basic', 'unsatisfied'] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

export interface MessageFacts {
  id: string;
  trackingNo: string;
  title: string;
  unitId: string;
  unitName: string;
  /** When the unit received it (deadlines count from here). */
  receivedAt: number;
  /** The unit still owes the citizen something. */
  open: boolean;
  /** Waiting to be accepted (受理) or taken over after a transfer. */
  awaitingAccept: boolean;
  acceptedAt: number | null;
  answeredAt: number | null;
  /** 求助 involving life or property. */
  urgent: boolean;
  handlerId: string | null;
  /** Working days added by an approved extension (延期). */
  extensionWorkingDays: number;
  rating: RatingValue | null;
}

export interface EmergencyFacts {
  id: string;
  title: string;
  occurredAt: number;
  /** 重大 or 特别重大: a press conference is due within 24 hours. */
  major: boolean;
  active: boolean;
  units: Array<{ unitId: string; unitName: string; firstPostAt: number | null }>;
  pressConferenceAt: number | null;
  respondedAt: number | null;
  countyOfficeUnitId: string;
}

export interface OversightFacts {
  accounts: AccountFacts[];
  messages: MessageFacts[];
  emergencies: EmergencyFacts[];
}
