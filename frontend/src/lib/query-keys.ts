/** Every cache key in one place, so features can refresh each other's data without importing each other. */
export const queryKeys = {
  me: () => ['me'] as const,
  groups: (q: string) => ['groups', { q }] as const,
  allGroups: () => ['groups'] as const,
  group: (slug: string) => ['group', slug] as const,
  board: (slug: string) => ['board', slug] as const,
  card: (slug: string, id: number) => ['card', slug, id] as const,
  meetings: (slug: string, when: 'upcoming' | 'past' | 'all') => ['meetings', slug, when] as const,
  allMeetings: (slug: string) => ['meetings', slug] as const,
  members: (slug: string) => ['members', slug] as const,
  goals: (slug: string) => ['goals', slug] as const,
  /** The group's activity feed (every page of it). */
  activity: (slug: string) => ['activity', slug] as const,
  /** A card's history as of a version of the card: a newer version on the board means a newer history. */
  cardHistory: (slug: string, id: number, version: number) => ['card-history', slug, id, version] as const,
  allCardHistory: (slug: string) => ['card-history', slug] as const,
  calendarLinks: (slug: string) => ['calendar-links', slug] as const,
};
