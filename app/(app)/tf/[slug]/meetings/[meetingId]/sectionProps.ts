/* What every section of a meeting page is given. */

export type Props = { taskForceSlug: string; meetingId: string };
